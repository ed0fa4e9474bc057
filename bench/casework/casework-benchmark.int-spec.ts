import { runCaseworkBenchmark } from './casework-benchmark';

/**
 * The casework benchmark at smoke size: in both populations every timed event becomes exactly one task, nothing is
 * dead-lettered, and the coaches calling `next` at once are each handed different tasks, every hand-out recorded
 * once. No timing is asserted.
 */
describe('casework benchmark (smoke size)', () => {
  it('turns each timed event into one task and hands each drained task out once', async () => {
    const result = await runCaseworkBenchmark({
      members: 40,
      scale: 3,
      measuredEvents: 60,
      drainedTasks: 30,
      coaches: 5,
    });
    for (const phase of [result.base, result.scaled]) {
      expect(phase.deadLetters).toBe(0);
      expect(phase.measuredTasks).toBe(phase.measuredEvents);
      expect(phase.measuredCauses).toBe(phase.measuredEvents);
      expect(phase.historyClosed).toBeGreaterThan(phase.historyWaiting);
      expect(phase.next.handedOut).toBe(30);
      expect(phase.next.distinctTasks).toBe(30);
      expect(phase.next.assignmentsRecorded).toBe(30);
      expect(phase.next.emptyAnswers).toBe(0);
      expect(phase.next.waitingBefore).toBe(phase.historyWaiting);
    }
    expect(result.scaled.historyClosed).toBe(3 * result.base.historyClosed);
    expect(result.scaled.historyWaiting).toBe(3 * result.base.historyWaiting);
    expect(result.base.tasksPerSecond).toBeGreaterThan(0);
    expect(result.base.next.tasksPerSecond).toBeGreaterThan(0);
    expect(result.baselineConsumePerSecond).toBeGreaterThan(0);
  });
});
