import { defineStructure, ROOT_LOOP, type LoopDefinition } from '../structure/loop-structure';

/** ST03 / GS08 of the 834 benefit enrollment and maintenance guide. */
export const MEMBER_834_GUIDE = '005010X220A1';

const loop = (
  id: string,
  name: string,
  tag: string,
  qualifiers: readonly string[] | undefined,
  segments: readonly string[],
  children: readonly string[] = [],
): LoopDefinition => ({
  id,
  name,
  start: qualifiers === undefined ? { tag } : { tag, qualifiers },
  segments,
  children,
});

/**
 * The loops of the 834 TR3 (005010X220A1): every loop and segment of the guide, so a real file passes; the mapping
 * (docs/x12-834.md) uses some of them.
 */
export const MEMBER_834_STRUCTURE = defineStructure([
  loop(
    ROOT_LOOP,
    'transaction set header',
    'ST',
    undefined,
    ['BGN', 'REF', 'DTP', 'QTY'],
    ['1000A', '1000B', '1000C', '2000'],
  ),
  loop('1000A', 'sponsor name', 'N1', ['P5'], []),
  loop('1000B', 'payer', 'N1', ['IN'], []),
  loop('1000C', 'TPA/broker name', 'N1', ['BO', 'TV'], ['ACT']),
  loop(
    '2000',
    'member level detail',
    'INS',
    undefined,
    ['REF', 'DTP'],
    ['2100A', '2100B', '2100C', '2100D', '2100E', '2100F', '2100G', '2100H', '2200', '2300', '2700'],
  ),
  loop(
    '2100A',
    'member name',
    'NM1',
    ['IL', '74'],
    ['PER', 'N3', 'N4', 'DMG', 'EC', 'ICM', 'AMT', 'HLH', 'LUI'],
  ),
  loop('2100B', 'incorrect member name', 'NM1', ['70'], ['DMG']),
  loop('2100C', 'member mailing address', 'NM1', ['31'], ['N3', 'N4']),
  loop('2100D', 'member employer', 'NM1', ['36'], ['PER', 'N3', 'N4']),
  loop('2100E', 'member school', 'NM1', ['M8'], ['PER', 'N3', 'N4']),
  loop('2100F', 'custodial parent', 'NM1', ['S3'], ['PER', 'N3', 'N4']),
  loop(
    '2100G',
    'responsible person',
    'NM1',
    ['6Y', '9K', 'E1', 'EI', 'EXS', 'GB', 'GD', 'J6', 'LR', 'QD', 'S1', 'TZ', 'X4'],
    ['PER', 'N3', 'N4'],
  ),
  loop('2100H', 'drop-off location', 'NM1', ['45'], ['N3', 'N4']),
  loop('2200', 'disability information', 'DSB', undefined, ['DTP']),
  loop('2300', 'health coverage', 'HD', undefined, ['DTP', 'AMT', 'REF', 'IDC'], ['2310', '2320']),
  loop('2310', 'provider information', 'LX', undefined, ['NM1', 'N3', 'N4', 'PER', 'PRV', 'PLA']),
  loop('2320', 'coordination of benefits', 'COB', undefined, ['REF', 'DTP'], ['2330']),
  loop('2330', 'coordination of benefits related entity', 'NM1', ['36', 'GW', 'IN'], ['N3', 'N4', 'PER']),
  loop('2700', 'additional reporting categories', 'LS', undefined, ['LX', 'N1', 'REF', 'DTP', 'LE']),
]);
