import { loadCaseworkConfig } from './casework.config';

const REQUIRED = {
  DATABASE_URL: 'postgres://care@localhost/care',
  KAFKA_BROKERS: 'localhost:9092',
  OIDC_ISSUER: 'https://login.example-plan.org/realms/care',
};

describe('casework settings', () => {
  it('defaults to port 3006, no holidays and 4/12/24/36 business hours', () => {
    expect(loadCaseworkConfig(REQUIRED)).toMatchObject({
      port: 3006,
      holidays: [],
      careProgramId: 'chronic-condition-management',
      urgentDueHours: 4,
      followUpDueHours: 12,
      welcomeDueHours: 24,
      gapDueHours: 36,
      issuer: 'https://login.example-plan.org/realms/care',
      audience: 'care-platform',
    });
  });

  it('will not start without an identity provider to check tokens against', () => {
    expect(() => loadCaseworkConfig({ DATABASE_URL: REQUIRED.DATABASE_URL, KAFKA_BROKERS: REQUIRED.KAFKA_BROKERS })).toThrow('OIDC_ISSUER');
  });

  it('reads holidays and fractional hours', () => {
    expect(
      loadCaseworkConfig({ ...REQUIRED, CASEWORK_HOLIDAYS: '2026-11-26,2026-12-25', TASK_URGENT_DUE_BUSINESS_HOURS: '1.5' }),
    ).toMatchObject({ holidays: ['2026-11-26', '2026-12-25'], urgentDueHours: 1.5 });
  });

  it.each([
    ['CASEWORK_HOLIDAYS', '2026-13-01'],
    ['TASK_URGENT_DUE_BUSINESS_HOURS', '0'],
    ['TASK_GAP_DUE_BUSINESS_HOURS', 'three days'],
    ['OIDC_ISSUER', 'login.example-plan.org'],
    ['OIDC_JWKS_URL', 'ftp://keys'],
  ])('stops on a bad %s, naming it', (variable, value) => {
    expect(() => loadCaseworkConfig({ ...REQUIRED, [variable]: value })).toThrow(variable);
  });
});
