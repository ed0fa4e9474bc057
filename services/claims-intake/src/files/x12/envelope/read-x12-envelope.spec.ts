import { Readable } from 'node:stream';
import { aValidProfessionalClaim } from '@care/contracts';
import { readX12Segments } from '../segments/read-x12-segments';
import { interchange837Text } from '../testing/x12-837.builder';
import { readX12Envelope, type EnvelopeItem } from './read-x12-envelope';

const text = (): string =>
  interchange837Text(
    [
      {
        kind: 'professional',
        claims: [
          { claim: aValidProfessionalClaim() },
          { claim: aValidProfessionalClaim({ claimId: 'C-2' }) },
        ],
      },
    ],
    { controlNumber: 905, claimsPerSet: 1 },
  );

async function itemsOf(edi: string): Promise<EnvelopeItem[]> {
  const items: EnvelopeItem[] = [];
  for await (const item of readX12Envelope(readX12Segments(Readable.from([Buffer.from(edi)]))))
    items.push(item);
  return items;
}

const problemsOf = (items: readonly EnvelopeItem[], kind: EnvelopeItem['kind']): string[] =>
  items
    .filter((item) => item.kind === kind)
    .flatMap((item) =>
      'problems' in item ? item.problems.map((problem) => `${problem.code} ${problem.message}`) : [],
    );

describe('reading the envelopes of an interchange (ISA/IEA, GS/GE, ST/SE)', () => {
  it('gives each set its segments with their positions, and no problem for a sound interchange', async () => {
    const items = await itemsOf(text());
    expect(items.map((item) => item.kind).filter((kind) => kind !== 'segment')).toEqual([
      'interchange',
      'group',
      'set',
      'set-end',
      'set',
      'set-end',
      'group-end',
      'interchange-end',
    ]);
    const firstSegment = items.find((item) => item.kind === 'segment');
    expect(firstSegment).toMatchObject({ segment: { tag: 'BHT' }, position: 2 });
    for (const kind of ['interchange', 'group', 'set', 'set-end', 'group-end', 'interchange-end'] as const) {
      expect([kind, problemsOf(items, kind)]).toEqual([kind, []]);
    }
    expect(items.at(-1)).toMatchObject({ complete: true });
  });

  it.each<[string, (edi: string) => string, EnvelopeItem['kind'], string]>([
    [
      'SE01 miscounted',
      (edi) => edi.replace(/SE\*(\d+)\*0001~/, 'SE*3*0001~'),
      'set-end',
      '4 SE01 says 3 segments; transaction set 0001 has',
    ],
    [
      'SE02 other than ST02',
      (edi) => edi.replace(/SE\*(\d+)\*0001~/, 'SE*$1*0009~'),
      'set-end',
      '3 SE02 does not match ST02',
    ],
    [
      'a set without SE',
      (edi) => edi.replace(/SE\*\d+\*0001~\n/, ''),
      'set-end',
      '2 transaction set 0001 has no SE trailer',
    ],
    [
      'ST02 used twice',
      (edi) => edi.replace(/0002/g, '0001'),
      'set',
      '23 ST02 is used by another transaction set of the group',
    ],
    [
      'GE01 miscounted',
      (edi) => edi.replace('GE*2*1~', 'GE*1*1~'),
      'group-end',
      '5 GE01 says 1 transaction sets; functional group 1 has 2',
    ],
    [
      'GE02 other than GS06',
      (edi) => edi.replace('GE*2*1~', 'GE*2*7~'),
      'group-end',
      '4 GE02 does not match GS06',
    ],
    [
      'a group without GE',
      (edi) => edi.replace('GE*2*1~\n', ''),
      'group-end',
      '3 functional group 1 has no GE trailer',
    ],
    [
      'GS06 not digits',
      (edi) => edi.replace('*1200*1*X*', '*1200*A1*X*').replace('GE*2*1~', 'GE*2*A1~'),
      'group',
      '6 GS06, the group control number, must be 1-9 digits',
    ],
    [
      'IEA01 miscounted',
      (edi) => edi.replace('IEA*1*', 'IEA*2*'),
      'interchange-end',
      '021 IEA01 says 2 functional groups; the interchange holds 1',
    ],
    [
      'IEA02 other than ISA13',
      (edi) => edi.replace('IEA*1*000000905', 'IEA*1*000000906'),
      'interchange-end',
      '001 IEA02 does not match ISA13',
    ],
    [
      'no IEA',
      (edi) => edi.replace(/IEA\*[^~]*~\n/, ''),
      'interchange-end',
      '023 the file ends before the IEA',
    ],
    [
      'segments after the IEA',
      (edi) => `${edi}GS*HC*X*Y*20250101*1200*9*X*005010X222A1~\n`,
      'interchange-end',
      '022 segments after the IEA (GS): a file holds one interchange',
    ],
    [
      'a segment between sets',
      (edi) => edi.replace('ST*837*0002', 'REF*EI*1~\nST*837*0002'),
      'interchange-end',
      '022 a REF segment outside a transaction set (ST/SE)',
    ],
    ['ISA12 not 00501', (edi) => edi.replace('*00501*', '*00401*'), 'interchange', '017 ISA12 must be 00501'],
    [
      'ISA09 not a date',
      (edi) => edi.replace('*250301*', '*251301*'),
      'interchange',
      '014 ISA09 must be a date YYMMDD',
    ],
    [
      'ISA15 neither P nor T',
      (edi) => edi.replace('*0*T*:', '*0*X*:'),
      'interchange',
      '020 ISA15 must be P or T',
    ],
  ])('reports %s on the envelope it belongs to', async (_name, edit, kind, problem) => {
    const items = await itemsOf(edit(text()));
    expect(problemsOf(items, kind).join(' | ')).toContain(problem);
  });

  it('stops at an ISA whose sender id holds a control character: it cannot key the interchange', async () => {
    const items = await itemsOf(text().replace('CLEARINGHOUSE01', 'CLEARINGHOUSE\u00001'));
    expect(items).toEqual([
      expect.objectContaining({
        kind: 'interchange',
        readable: false,
        problems: [{ code: '006', message: 'ISA06, the sender id, must be printable characters' }],
      }),
    ]);
  });

  it('stops at an ISA of another version: nothing in it can be read as 5010', async () => {
    const items = await itemsOf(text().replace('*00501*', '*00401*'));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'interchange', readable: false });
  });
});
