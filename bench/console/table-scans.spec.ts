import { scansBetween } from './table-scans';

const snapshot = (
  entries: Record<string, { live: number; seq: number; seqRows: number; idx: number }>,
): Map<string, { live: number; seq: number; seqRows: number; idx: number }> =>
  new Map(Object.entries(entries));

describe('table scans while the member views were measured', () => {
  it('reports the differences, tables read sequentially first, and leaves out tables not touched', () => {
    const before = snapshot({
      'care_gaps.gaps': { live: 900, seq: 2, seqRows: 100, idx: 10 },
      'survey_trigger.visits': { live: 5000, seq: 1, seqRows: 5000, idx: 0 },
      'casework.tasks': { live: 40, seq: 0, seqRows: 0, idx: 3 },
    });
    const after = snapshot({
      'care_gaps.gaps': { live: 900, seq: 2, seqRows: 100, idx: 410 },
      'survey_trigger.visits': { live: 5000, seq: 4, seqRows: 20_000, idx: 0 },
      'casework.tasks': { live: 40, seq: 0, seqRows: 0, idx: 3 },
      'casework.read_audit': { live: 800, seq: 0, seqRows: 0, idx: 7 },
    });
    expect(scansBetween(before, after)).toEqual([
      { table: 'survey_trigger.visits', liveRows: 5000, seqScans: 3, seqRowsRead: 15_000, indexScans: 0 },
      { table: 'care_gaps.gaps', liveRows: 900, seqScans: 0, seqRowsRead: 0, indexScans: 400 },
      { table: 'casework.read_audit', liveRows: 800, seqScans: 0, seqRowsRead: 0, indexScans: 7 },
    ]);
  });
});
