import {
  defineStructure,
  ROOT_LOOP,
  type LoopDefinition,
  type LoopStructure,
} from '../structure/loop-structure';

/**
 * The loops of the 837 professional (005010X222A1) and institutional (005010X223A2) TR3s that claims-intake reads:
 * every loop and segment of the guides, so a real file passes; the mapping (docs/x12-837-mapping.md) uses some of
 * them. A segment outside these is reported as unexpected where it stands.
 */
export type Claim837Kind = 'professional' | 'institutional';

/** ST03 / GS08 of each 837 implementation guide. */
export const CLAIM_837_GUIDES: Readonly<Record<Claim837Kind, string>> = {
  professional: '005010X222A1',
  institutional: '005010X223A2',
};

/** Most service lines a claim may have in each guide (2400 loop repeat). */
export const MAX_837_LINES: Readonly<Record<Claim837Kind, number>> = { professional: 50, institutional: 999 };

const loop = (
  id: string,
  name: string,
  tag: string,
  qualifiers: readonly string[] | undefined,
  segments: readonly string[],
  children: readonly string[] = [],
  extra: Partial<LoopDefinition> = {},
): LoopDefinition => ({
  id,
  name,
  start: qualifiers === undefined ? { tag } : { tag, qualifiers },
  segments,
  children,
  ...extra,
});

const hierarchy = (subscriberSegments: readonly string[]): LoopDefinition[] => [
  loop(
    ROOT_LOOP,
    'transaction set header',
    'ST',
    undefined,
    ['BHT'],
    ['1000A', '1000B', '2000A', '2000B', '2000C'],
  ),
  loop('1000A', 'submitter name', 'NM1', ['41'], ['PER']),
  loop('1000B', 'receiver name', 'NM1', ['40'], []),
  loop(
    '2000A',
    'billing provider hierarchical level',
    'HL',
    ['20'],
    ['PRV', 'CUR'],
    ['2010AA', '2010AB', '2010AC'],
    {
      hierarchical: true,
    },
  ),
  loop('2010AA', 'billing provider name', 'NM1', ['85'], ['N3', 'N4', 'REF', 'PER']),
  loop('2010AB', 'pay-to address', 'NM1', ['87'], ['N3', 'N4']),
  loop('2010AC', 'pay-to plan name', 'NM1', ['PE'], ['N3', 'N4', 'REF']),
  loop(
    '2000B',
    'subscriber hierarchical level',
    'HL',
    ['22'],
    subscriberSegments,
    ['2010BA', '2010BB', '2300'],
    {
      hierarchical: true,
    },
  ),
  loop('2010BA', 'subscriber name', 'NM1', ['IL'], ['N3', 'N4', 'DMG', 'REF']),
  loop('2010BB', 'payer name', 'NM1', ['PR'], ['N3', 'N4', 'REF']),
  loop('2000C', 'patient hierarchical level', 'HL', ['23'], ['PAT'], ['2010CA', '2300'], {
    hierarchical: true,
  }),
  loop('2010CA', 'patient name', 'NM1', ['QC'], ['N3', 'N4', 'DMG', 'REF']),
];

const PROFESSIONAL: LoopStructure = defineStructure([
  ...hierarchy(['SBR', 'PAT']),
  loop(
    '2300',
    'claim information',
    'CLM',
    undefined,
    ['DTP', 'PWK', 'CN1', 'AMT', 'REF', 'K3', 'NTE', 'CR1', 'CR2', 'CRC', 'HI', 'HCP'],
    ['2310A', '2310B', '2310C', '2310D', '2310E', '2310F', '2320', '2400'],
  ),
  loop('2310A', 'referring provider name', 'NM1', ['DN', 'P3'], ['REF']),
  loop('2310B', 'rendering provider name', 'NM1', ['82'], ['PRV', 'REF']),
  loop('2310C', 'service facility location', 'NM1', ['77'], ['N3', 'N4', 'REF', 'PER']),
  loop('2310D', 'supervising provider name', 'NM1', ['DQ'], ['REF']),
  loop('2310E', 'ambulance pick-up location', 'NM1', ['PW'], ['N3', 'N4']),
  loop('2310F', 'ambulance drop-off location', 'NM1', ['45'], ['N3', 'N4']),
  loop(
    '2320',
    'other subscriber information',
    'SBR',
    undefined,
    ['CAS', 'AMT', 'OI', 'MOA'],
    ['2330A', '2330B', '2330C', '2330D', '2330E', '2330F', '2330G'],
  ),
  loop('2330A', 'other subscriber name', 'NM1', ['IL'], ['N3', 'N4', 'REF']),
  loop('2330B', 'other payer name', 'NM1', ['PR'], ['N3', 'N4', 'DTP', 'REF']),
  loop('2330C', 'other payer referring provider', 'NM1', ['DN', 'P3'], ['REF']),
  loop('2330D', 'other payer rendering provider', 'NM1', ['82'], ['REF']),
  loop('2330E', 'other payer service facility location', 'NM1', ['77'], ['REF']),
  loop('2330F', 'other payer supervising provider', 'NM1', ['DQ'], ['REF']),
  loop('2330G', 'other payer billing provider', 'NM1', ['85'], ['REF']),
  loop(
    '2400',
    'service line number',
    'LX',
    undefined,
    [
      'SV1',
      'SV5',
      'PWK',
      'CR1',
      'CR3',
      'CRC',
      'DTP',
      'QTY',
      'MEA',
      'CN1',
      'REF',
      'AMT',
      'K3',
      'NTE',
      'PS1',
      'HCP',
    ],
    ['2410', '2420A', '2420B', '2420C', '2420D', '2420E', '2420F', '2420G', '2420H', '2430', '2440'],
    { maxRepeat: MAX_837_LINES.professional },
  ),
  loop('2410', 'drug identification', 'LIN', undefined, ['CTP', 'REF']),
  loop('2420A', 'rendering provider name', 'NM1', ['82'], ['PRV', 'REF']),
  loop('2420B', 'purchased service provider name', 'NM1', ['QB'], ['REF']),
  loop('2420C', 'service facility location name', 'NM1', ['77'], ['N3', 'N4', 'REF']),
  loop('2420D', 'supervising provider name', 'NM1', ['DQ'], ['REF']),
  loop('2420E', 'ordering provider name', 'NM1', ['DK'], ['N3', 'N4', 'REF', 'PER']),
  loop('2420F', 'referring provider name', 'NM1', ['DN', 'P3'], ['REF']),
  loop('2420G', 'ambulance pick-up location', 'NM1', ['PW'], ['N3', 'N4']),
  loop('2420H', 'ambulance drop-off location', 'NM1', ['45'], ['N3', 'N4']),
  loop('2430', 'line adjudication information', 'SVD', undefined, ['CAS', 'DTP', 'AMT']),
  loop('2440', 'form identification code', 'LQ', undefined, ['FRM']),
]);

const INSTITUTIONAL: LoopStructure = defineStructure([
  ...hierarchy(['SBR']),
  loop(
    '2300',
    'claim information',
    'CLM',
    undefined,
    ['DTP', 'CL1', 'PWK', 'CN1', 'AMT', 'REF', 'K3', 'NTE', 'CRC', 'HI', 'HCP'],
    ['2310A', '2310B', '2310C', '2310D', '2310E', '2310F', '2320', '2400'],
  ),
  loop('2310A', 'attending provider name', 'NM1', ['71'], ['PRV', 'REF']),
  loop('2310B', 'operating physician name', 'NM1', ['72'], ['REF']),
  loop('2310C', 'other operating physician name', 'NM1', ['ZZ'], ['REF']),
  loop('2310D', 'rendering provider name', 'NM1', ['82'], ['REF']),
  loop('2310E', 'service facility location name', 'NM1', ['77'], ['N3', 'N4', 'REF']),
  loop('2310F', 'referring provider name', 'NM1', ['DN'], ['REF']),
  loop(
    '2320',
    'other subscriber information',
    'SBR',
    undefined,
    ['CAS', 'AMT', 'OI', 'MIA', 'MOA'],
    ['2330A', '2330B', '2330C', '2330D', '2330E', '2330F', '2330G', '2330H', '2330I'],
  ),
  loop('2330A', 'other subscriber name', 'NM1', ['IL'], ['N3', 'N4', 'REF']),
  loop('2330B', 'other payer name', 'NM1', ['PR'], ['N3', 'N4', 'DTP', 'REF']),
  loop('2330C', 'other payer attending provider', 'NM1', ['71'], ['REF']),
  loop('2330D', 'other payer operating physician', 'NM1', ['72'], ['REF']),
  loop('2330E', 'other payer other operating physician', 'NM1', ['ZZ'], ['REF']),
  loop('2330F', 'other payer service facility location', 'NM1', ['77'], ['REF']),
  loop('2330G', 'other payer rendering provider name', 'NM1', ['82'], ['REF']),
  loop('2330H', 'other payer referring provider', 'NM1', ['DN'], ['REF']),
  loop('2330I', 'other payer billing provider', 'NM1', ['85'], ['REF']),
  loop(
    '2400',
    'service line number',
    'LX',
    undefined,
    ['SV2', 'PWK', 'DTP', 'REF', 'AMT', 'NTE', 'HCP'],
    ['2410', '2420A', '2420B', '2420C', '2420D', '2430'],
    { maxRepeat: MAX_837_LINES.institutional },
  ),
  loop('2410', 'drug identification', 'LIN', undefined, ['CTP', 'REF']),
  loop('2420A', 'operating physician name', 'NM1', ['72'], ['REF']),
  loop('2420B', 'other operating physician name', 'NM1', ['ZZ'], ['REF']),
  loop('2420C', 'rendering provider name', 'NM1', ['82'], ['REF']),
  loop('2420D', 'referring provider name', 'NM1', ['DN'], ['REF']),
  loop('2430', 'line adjudication information', 'SVD', undefined, ['CAS', 'DTP', 'AMT']),
]);

/** The loop structure of an 837 guide. */
export function claim837Structure(kind: Claim837Kind): LoopStructure {
  return kind === 'professional' ? PROFESSIONAL : INSTITUTIONAL;
}
