import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NDC_DRUG_CLASSES } from '@care/clinical';
import { compileRelease } from './compile-release';

const RELEASE_A = join(__dirname, 'fixtures', 'release-a');

describe('compileRelease (fixture release-a: NDC Directory rows, ValueSets and a mapping)', () => {
  it('classifies every package of a classified product by class, whatever its NDC form', async () => {
    const { compiled, errors } = await compileRelease(RELEASE_A, { maxRejectedShare: 0.2 });
    expect(errors).toEqual([]);
    expect(compiled.drugClasses).toEqual({
      metformin: ['00093104801', '00093104810'],
      insulin: ['00002751001', '00002821501', '00088222033'],
      sulfonylurea: ['00049411066'],
      'sglt2-inhibitor': ['00597015230', '00597015960'],
      // Ozempic, Victoza, Mounjaro; not Wegovy, Saxenda, Zepbound (weight management)
      'glp1-agonist': ['00002150680', '00169406012', '00169413212'],
      'inhaled-corticosteroid': ['00173071820', '00186037020'],
      'leukotriene-modifier': ['00006011731'],
      'loop-diuretic': ['00054429725'],
      'ace-inhibitor': ['00310013110', '61442011101'],
      arb: ['00006095231'],
      arni: ['00078065920'],
      statin: ['00071015523', '00071015540', '00085173301', '50090034800', '68180051301', '68180051303'],
    });
  });

  it('leaves the weight-management GLP-1 products (Wegovy, Saxenda, Zepbound) out of every class', async () => {
    const { compiled, ndcDirectory } = await compileRelease(RELEASE_A, { maxRejectedShare: 0.2 });
    const classified = new Set(Object.values(compiled.drugClasses).flat());
    // 0169-4525-14 Wegovy (semaglutide), 0169-2800-15 Saxenda (liraglutide), 0002-2506-80 Zepbound (tirzepatide)
    for (const ndc of ['00169452514', '00169280015', '00002250680'])
      expect([ndc, classified.has(ndc)]).toEqual([ndc, false]);
    // nor are they rejected: a product no class takes is skipped quietly
    expect(ndcDirectory?.rejectedCount).toBe(6);
  });

  it('gives every seed-table NDC the fixture lists the seed class', async () => {
    const { compiled } = await compileRelease(RELEASE_A, { maxRejectedShare: 0.2 });
    const classOf = new Map(
      Object.entries(compiled.drugClasses).flatMap(([drugClass, ndcs]) =>
        ndcs.map((ndc) => [ndc, drugClass]),
      ),
    );
    for (const [ndc, drugClass] of Object.entries(NDC_DRUG_CLASSES))
      expect([ndc, classOf.get(ndc)]).toEqual([ndc, drugClass]);
  });

  it('reports malformed rows, bad package codes and conflicting NDCs with their lines', async () => {
    const { ndcDirectory, warnings } = await compileRelease(RELEASE_A, { maxRejectedShare: 0.2 });
    expect(ndcDirectory?.rejected).toEqual([
      { file: 'product.txt', line: 11, reason: '4 fields, the header has 20' },
      { file: 'product.txt', line: 21, reason: 'no PRODUCTID' },
      { file: 'package.txt', line: 6, reason: '2 fields, the header has 8' },
      {
        file: 'package.txt',
        line: 32,
        reason: 'NDCPACKAGECODE 0071015540 is not a 4-4-2, 5-3-2 or 5-4-1 NDC',
      },
      { file: 'package.txt', line: 33, reason: 'NDCPACKAGECODE 0310-0999-10 is not a package of 0310-0131' },
      { file: 'package.txt', line: 35, reason: 'NDC 00006095290 listed as arb and statin; dropped' },
    ]);
    expect(ndcDirectory?.productsOfOtherTypes).toBe(1);
    expect(warnings).toContain('6 directory rows rejected');
  });

  it('warns about no drug class when the directory gives every class NDCs', async () => {
    const { warnings } = await compileRelease(RELEASE_A, { maxRejectedShare: 0.2 });
    expect(warnings.filter((warning) => warning.startsWith('drug class '))).toEqual([]);
  });

  it('warns about each drug class the directory gives no NDC, and not without a directory', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'codesets-'));
    try {
      cpSync(RELEASE_A, directory, { recursive: true });
      // keep the header and the Lipitor row only: statins alone
      const products = readFileSync(join(directory, 'product.txt'), 'utf8').split('\r\n');
      writeFileSync(join(directory, 'product.txt'), `${products.slice(0, 2).join('\r\n')}\r\n`);
      const { warnings, errors, compiled } = await compileRelease(directory, { maxRejectedShare: 0.2 });
      expect(errors).toEqual([]);
      expect(Object.keys(compiled.drugClasses)).toEqual(['statin']);
      expect(
        warnings
          .filter((warning) => warning.startsWith('drug class '))
          .map((warning) => warning.split(':')[0]),
      ).toEqual(
        [
          'metformin',
          'insulin',
          'sulfonylurea',
          'sglt2-inhibitor',
          'glp1-agonist',
          'inhaled-corticosteroid',
          'leukotriene-modifier',
          'loop-diuretic',
          'ace-inhibitor',
          'arb',
          'arni',
        ].map((drugClass) => `drug class ${drugClass}`),
      );
      rmSync(join(directory, 'product.txt'));
      rmSync(join(directory, 'package.txt'));
      const seed = await compileRelease(directory, { maxRejectedShare: 0.2 });
      expect(seed.warnings.filter((warning) => warning.startsWith('drug class '))).toEqual([]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it.each([Number.NaN, -0.1, 1.5, Number.POSITIVE_INFINITY])(
    'refuses a max rejected share of %s (NaN would let every rejected row through)',
    async (maxRejectedShare) => {
      const { errors } = await compileRelease(RELEASE_A, { maxRejectedShare });
      expect(errors).toContain(`max rejected share ${String(maxRejectedShare)}: not a share between 0 and 1`);
    },
  );

  it('refuses the release when more rows are rejected than allowed', async () => {
    const { errors } = await compileRelease(RELEASE_A);
    expect(errors[0]).toBe('6 of 76 directory rows rejected');
  });

  it('maps value sets onto code lists', async () => {
    const { compiled } = await compileRelease(RELEASE_A, { maxRejectedShare: 0.2 });
    expect(compiled.codeLists).toEqual([
      {
        address: 'conditions/diabetes/diagnosis',
        codes: ['E109', 'E1165', 'E119', 'O24111'],
        valueSets: ['http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.103.12.1001|20260501'],
      },
      {
        address: 'gaps/diabetes-hba1c-poor-control/control/loinc',
        codes: ['17856-6', '4548-4', '4549-2'],
        valueSets: ['http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.198.12.1013|20260501'],
      },
      {
        address: 'gaps/diabetes-hba1c-testing/closing/hba1c-test/loinc',
        codes: ['17856-6', '4548-4', '4549-2'],
        valueSets: ['http://cts.nlm.nih.gov/fhir/ValueSet/2.16.840.1.113883.3.464.1003.198.12.1013|20260501'],
      },
    ]);
  });

  it('names the same content with the same id and other content with another', async () => {
    const first = await compileRelease(RELEASE_A, { maxRejectedShare: 0.2, label: 'fda-2026-12' });
    const again = await compileRelease(RELEASE_A, { maxRejectedShare: 0.2, label: 'fda-2026-12' });
    expect(first.compiled.id).toMatch(/^fda-2026-12-[0-9a-f]{12}$/);
    expect(again.compiled.id).toBe(first.compiled.id);
    const directory = mkdtempSync(join(tmpdir(), 'codesets-'));
    try {
      cpSync(RELEASE_A, directory, { recursive: true });
      rmSync(join(directory, 'valueset-mapping.json'));
      rmSync(join(directory, 'valuesets'), { recursive: true });
      const other = await compileRelease(directory, { maxRejectedShare: 0.2, label: 'fda-2026-12' });
      expect(other.compiled.id).not.toBe(first.compiled.id);
      expect(other.compiled.codeLists).toEqual([]);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });

  it('refuses a label that cannot travel in events', async () => {
    const { errors } = await compileRelease(RELEASE_A, { maxRejectedShare: 0.2, label: 'FDA_2026' });
    expect(errors).toContain(
      `label "FDA_2026": lower-case letters, digits, '.' and '-', at most 51 characters`,
    );
  });

  it.each([
    [
      'a product file without PHARM_CLASSES',
      'product.txt',
      'PRODUCTID\tPRODUCTNDC\tPRODUCTTYPENAME\tPROPRIETARYNAME\tROUTENAME\tSUBSTANCENAME\n',
      'product.txt: header lacks PHARM_CLASSES',
    ],
    [
      'a product file without PROPRIETARYNAME (weight-management GLP-1 products could not be told apart)',
      'product.txt',
      'PRODUCTID\tPRODUCTNDC\tPRODUCTTYPENAME\tROUTENAME\tSUBSTANCENAME\tPHARM_CLASSES\n',
      'product.txt: header lacks PROPRIETARYNAME',
    ],
    ['an empty package file', 'package.txt', '', 'package.txt: empty (no header row)'],
    [
      'a broken mapping file',
      'valueset-mapping.json',
      '{"format":"care-valueset-mapping/1"}',
      'valueset-mapping.json: value set mapping: mappings is not a list',
    ],
    [
      'a value set without expansion',
      'valuesets/compose-only.json',
      '{"resourceType":"ValueSet","url":"http://x/vs","compose":{}}',
      'valuesets/compose-only.json: ValueSet http://x/vs has no expansion',
    ],
  ])('refuses %s', async (_case, file, content, error) => {
    const directory = mkdtempSync(join(tmpdir(), 'codesets-'));
    try {
      cpSync(RELEASE_A, directory, { recursive: true });
      writeFileSync(join(directory, file), content);
      const { errors } = await compileRelease(directory, { maxRejectedShare: 0.2 });
      expect(errors).toContain(error);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
