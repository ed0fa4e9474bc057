import { AUDIT_C_INSTRUMENT } from './audit-c.instrument';
import type { InstrumentDefinition } from './instrument.types';
import { PHQ2_INSTRUMENT } from './phq2.instrument';
import { PHQ9_INSTRUMENT } from './phq9.instrument';

const DEFINITIONS: readonly InstrumentDefinition[] = [PHQ9_INSTRUMENT, PHQ2_INSTRUMENT, AUDIT_C_INSTRUMENT];

// Codes copied from the domain reference (CLINICAL.md section 4), kept separately from the definitions.
describe('Instrument definitions', () => {
  it('codes PHQ-9 as panel 44249-1, total 44261-6, items in order and answers LA6568-5..LA6571-9 scored 0..3', () => {
    expect([PHQ9_INSTRUMENT.panelLoinc, PHQ9_INSTRUMENT.totalLoinc]).toEqual(['44249-1', '44261-6']);
    expect(PHQ9_INSTRUMENT.items.map((item) => item.loinc)).toEqual([
      '44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8',
    ]);
    for (const item of PHQ9_INSTRUMENT.items) {
      expect(item.answers.map((answer) => [answer.value, answer.loincAnswer])).toEqual([
        [0, 'LA6568-5'], [1, 'LA6569-3'], [2, 'LA6570-1'], [3, 'LA6571-9'],
      ]);
    }
    expect(PHQ9_INSTRUMENT.unscoredItems.map((item) => item.loinc)).toEqual(['69722-7']);
  });

  it('codes AUDIT-C as panel 72109-2, total 75626-2 with the answer codes of each question', () => {
    expect([AUDIT_C_INSTRUMENT.panelLoinc, AUDIT_C_INSTRUMENT.totalLoinc]).toEqual(['72109-2', '75626-2']);
    expect(AUDIT_C_INSTRUMENT.items.map((item) => [item.loinc, item.answers.map((answer) => answer.loincAnswer)])).toEqual([
      ['68518-0', ['LA6270-8', 'LA18926-8', 'LA18927-6', 'LA18928-4', 'LA18929-2']],
      ['68519-8', ['LA15694-5', 'LA15695-2', 'LA18930-0', 'LA18931-8', 'LA18932-6']],
      ['68520-6', ['LA6270-8', 'LA18933-4', 'LA18876-5', 'LA18891-4', 'LA18934-2']],
    ]);
  });

  it.each(DEFINITIONS.map((definition) => [definition.id, definition] as const))(
    'gives %s items numbered 1..n, answer values 0..max ascending and a total range equal to the sum of maxima',
    (_id, definition) => {
      expect(definition.items.map((item) => item.number)).toEqual(definition.items.map((_item, index) => index + 1));
      for (const item of definition.items) {
        expect(item.answers.map((answer) => answer.value)).toEqual(item.answers.map((_answer, index) => index));
        expect(new Set(item.answers.map((answer) => answer.loincAnswer)).size).toBe(item.answers.length);
      }
      const maxTotal = definition.items.reduce((sum, item) => sum + Math.max(...item.answers.map((answer) => answer.value)), 0);
      expect([definition.minTotal, definition.maxTotal]).toEqual([0, maxTotal]);
      expect(definition.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(definition.source).not.toBe('');
    },
  );
});
