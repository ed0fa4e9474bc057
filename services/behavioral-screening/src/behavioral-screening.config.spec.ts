import { ConfigError } from '@care/config';
import { loadBehavioralScreeningConfig } from './behavioral-screening.config';

const REQUIRED = {
  DATABASE_URL: 'postgres://care:care@localhost:5432/care',
  KAFKA_BROKERS: 'localhost:9092',
  OIDC_ISSUER: 'https://login.example-plan.org/realms/care',
};
const DAY_MS = 86_400_000;

describe('behavioral-screening settings', () => {
  it('has the documented defaults', () => {
    expect(loadBehavioralScreeningConfig(REQUIRED)).toMatchObject({
      port: 3004,
      rescreenIntervalMs: 90 * DAY_MS,
      screeningDueDays: 14,
      phq9FollowUpIntervalMs: 28 * DAY_MS,
      followUpPollMs: 30000,
      phq9PositiveCutoff: 10,
      phq2PositiveCutoff: 3,
      auditCCutoffMale: 4,
      auditCCutoffFemale: 3,
      auditCCutoffOther: 3,
    });
  });

  it('reads intervals as durations and cut-offs as integers', () => {
    expect(
      loadBehavioralScreeningConfig({ ...REQUIRED, RESCREEN_INTERVAL: '0s', PHQ9_FOLLOW_UP_INTERVAL: '5s', PHQ9_POSITIVE_CUTOFF: '12' }),
    ).toMatchObject({ rescreenIntervalMs: 0, phq9FollowUpIntervalMs: 5000, phq9PositiveCutoff: 12 });
  });

  it('stops start-up naming every bad variable', () => {
    expect(() =>
      loadBehavioralScreeningConfig({ ...REQUIRED, PHQ9_POSITIVE_CUTOFF: '0', AUDIT_C_CUTOFF_FEMALE: '13', PHQ9_FOLLOW_UP_INTERVAL: '4 weeks' }),
    ).toThrow(
      new ConfigError([
        'PHQ9_FOLLOW_UP_INTERVAL must be a duration such as 90d, 12h, 30m, 5s or 250ms',
        'PHQ9_POSITIVE_CUTOFF must be at least 1',
        'AUDIT_C_CUTOFF_FEMALE must be at most 12',
      ]),
    );
  });
});
