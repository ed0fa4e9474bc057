import { describeFault, planFaults } from './fault-schedule';

describe('planFaults', () => {
  const base = {
    loadMs: 100_000,
    seed: 7,
    kills: 10,
    targets: ['claims-intake', 'care-gaps-1', 'care-gaps-2', 'casework'],
    mustKill: ['care-gaps-2'],
    brokerOutageMs: 30_000,
    postgresRestart: true,
    replayGroups: ['casework.task-inputs'],
  };

  it('gives the same schedule for the same seed and another for another seed', () => {
    expect(planFaults(base)).toEqual(planFaults(base));
    expect(planFaults({ ...base, seed: 8 })).not.toEqual(planFaults(base));
  });

  it('holds every kill asked for, the named instances first, inside the load, sorted by time', () => {
    const faults = planFaults(base);
    const kills = faults.filter((fault) => fault.kind === 'kill');
    expect(kills).toHaveLength(10);
    expect(kills[0]).toMatchObject({ target: 'care-gaps-2' });
    for (const kill of kills) {
      expect(kill.atMs).toBeGreaterThanOrEqual(5_000);
      expect(base.targets).toContain(kill.target);
    }
    expect(faults.map((fault) => fault.atMs)).toEqual(
      [...faults.map((fault) => fault.atMs)].sort((a, b) => a - b),
    );
  });

  it('places the outage, the database restart and the replay at fixed shares of the load', () => {
    const faults = planFaults(base);
    expect(faults).toContainEqual({ kind: 'broker-outage', atMs: 30_000, durationMs: 30_000 });
    expect(faults).toContainEqual({ kind: 'postgres-restart', atMs: 60_000 });
    expect(faults).toContainEqual({ kind: 'replay', atMs: 45_000, group: 'casework.task-inputs' });
  });

  it('keeps two kills of one instance at least 2 s apart', () => {
    const faults = planFaults({ ...base, targets: ['casework'], mustKill: [], kills: 20, loadMs: 10_000 });
    const times = faults.filter((fault) => fault.kind === 'kill').map((fault) => fault.atMs);
    for (let index = 1; index < times.length; index += 1) {
      expect((times[index] ?? 0) - (times[index - 1] ?? 0)).toBeGreaterThanOrEqual(2000);
    }
  });

  it('refuses kills without targets and plans nothing when asked for nothing', () => {
    expect(() => planFaults({ ...base, targets: [] })).toThrow('kills need targets');
    expect(
      planFaults({ ...base, kills: 0, brokerOutageMs: 0, postgresRestart: false, replayGroups: [] }),
    ).toEqual([]);
  });

  it('describes each fault for the report', () => {
    expect(describeFault({ kind: 'kill', atMs: 1, target: 'casework' })).toBe('SIGKILL casework');
    expect(describeFault({ kind: 'broker-outage', atMs: 1, durationMs: 30_000 })).toBe(
      'broker stopped for 30 s',
    );
  });
});
