import { SCREENING_INSTRUMENTS, type ScreeningInstrument } from '@care/contracts';
import { satisfiesRequest } from './screening-satisfaction';

describe('Which completed screening satisfies a request', () => {
  // completed instrument, positive, requested instruments it satisfies
  it.each<[ScreeningInstrument, boolean, ScreeningInstrument[]]>([
    ['phq-9', false, ['phq-9', 'phq-2']],
    ['phq-9', true, ['phq-9', 'phq-2']],
    ['phq-2', false, ['phq-9', 'phq-2']],
    ['phq-2', true, ['phq-2']],
    ['audit-c', false, ['audit-c']],
    ['audit-c', true, ['audit-c']],
  ])('a %s (positive %p) satisfies %j', (instrument, positive, expected) => {
    expect(SCREENING_INSTRUMENTS.filter((requested) => satisfiesRequest({ instrument, positive }, requested))).toEqual(
      expected,
    );
  });
});
