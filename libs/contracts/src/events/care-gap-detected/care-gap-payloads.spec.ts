import { validateSubmission } from '../validate-submission';
import { CareAlertIssuedPayload } from '../care-alert-issued/care-alert-issued.payload';
import { CareGapClosedPayload } from '../care-gap-closed/care-gap-closed.payload';
import { CareGapDetectedPayload } from './care-gap-detected.payload';

const fieldsOf = (payloadClass: new () => object, payload: unknown): string[] => {
  const result = validateSubmission(payloadClass, payload, { forbidUnknownFields: true });
  return result.ok ? [] : result.issues.map((issue) => issue.field).sort();
};

const detected = {
  gapId: '0b6f0c1e-58a5-4b7e-9f51-1f3a2c9d7e10',
  memberId: 'M-1',
  ruleId: 'diabetes-hba1c-testing',
  ruleVersion: 'gaps-2026.1',
  gapName: 'Diabetes: HbA1c testing',
  kind: 'service',
  reason: 'no-service',
  openedOn: '2026-03-01',
  detectedAt: '2026-03-01T10:00:00.000Z',
  evidenceClaimIds: [],
  providerNpi: '1245319599',
};

const closed = {
  gapId: detected.gapId,
  memberId: 'M-1',
  ruleId: 'diabetes-hba1c-testing',
  ruleVersion: 'gaps-2026.1',
  reason: 'satisfied',
  openedOn: '2026-03-01',
  closedAt: '2026-04-02T09:00:00.000Z',
  closingClaimIds: ['CLM-9'],
};

const alert = {
  alertId: '5d1c9a56-9c0e-4d3e-a1b8-0d6c1f2e3a4b',
  gapId: detected.gapId,
  memberId: 'M-1',
  ruleId: 'diabetes-hba1c-testing',
  audience: 'provider',
  channel: 'provider-portal',
  providerNpi: '1245319599',
  templateId: 'diabetes-hba1c-testing.provider',
  issuedAt: '2026-03-01T10:00:00.000Z',
};

describe('care-gap payloads', () => {
  it('accept valid payloads', () => {
    expect(fieldsOf(CareGapDetectedPayload, detected)).toEqual([]);
    expect(
      fieldsOf(CareGapDetectedPayload, {
        ...detected,
        kind: 'adherence',
        reason: 'below-threshold',
        proportionOfDaysCovered: 0.61,
      }),
    ).toEqual([]);
    expect(fieldsOf(CareGapClosedPayload, closed)).toEqual([]);
    expect(fieldsOf(CareAlertIssuedPayload, alert)).toEqual([]);
    expect(
      fieldsOf(CareAlertIssuedPayload, {
        ...alert,
        audience: 'member',
        channel: 'email',
        providerNpi: undefined,
        language: 'es',
      }),
    ).toEqual([]);
  });

  it.each<[string, new () => object, unknown, string[]]>([
    [
      'detected: unknown reason and kind',
      CareGapDetectedPayload,
      { ...detected, reason: 'late', kind: 'screening' },
      ['kind', 'reason'],
    ],
    [
      'detected: PDC above 1',
      CareGapDetectedPayload,
      { ...detected, proportionOfDaysCovered: 1.2 },
      ['proportionOfDaysCovered'],
    ],
    [
      'detected: NPI with a wrong check digit',
      CareGapDetectedPayload,
      { ...detected, providerNpi: '1245319598' },
      ['providerNpi'],
    ],
    ['detected: gap id not a UUID', CareGapDetectedPayload, { ...detected, gapId: 'gap-1' }, ['gapId']],
    ['closed: unknown reason', CareGapClosedPayload, { ...closed, reason: 'forgotten' }, ['reason']],
    [
      'closed: claim ids not claim ids',
      CareGapClosedPayload,
      { ...closed, closingClaimIds: ['bad id'] },
      ['closingClaimIds'],
    ],
    [
      'alert: provider alert without an NPI',
      CareAlertIssuedPayload,
      { ...alert, providerNpi: undefined },
      ['providerNpi'],
    ],
    ['alert: unknown channel', CareAlertIssuedPayload, { ...alert, channel: 'fax' }, ['channel']],
    [
      'alert: language not a tag',
      CareAlertIssuedPayload,
      { ...alert, audience: 'member', channel: 'mail', providerNpi: undefined, language: 'Spanish' },
      ['language'],
    ],
  ])('%s', (_name, payloadClass, payload, expected) => {
    expect(fieldsOf(payloadClass, payload)).toEqual(expected);
  });
});
