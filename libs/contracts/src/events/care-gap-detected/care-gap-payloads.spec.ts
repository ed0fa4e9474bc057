import { aClosedGapPayload, aDetectedGapPayload, anAlertPayload } from '../../testing/payload-examples';
import { validateSubmission } from '../validate-submission';
import { CareAlertIssuedPayload } from '../care-alert-issued/care-alert-issued.payload';
import { CareGapClosedPayload } from '../care-gap-closed/care-gap-closed.payload';
import { CareGapDetectedPayload } from './care-gap-detected.payload';

const fieldsOf = (payloadClass: new () => object, payload: unknown): string[] => {
  const result = validateSubmission(payloadClass, payload, { forbidUnknownFields: true });
  return result.ok ? [] : result.issues.map((issue) => issue.field).sort();
};

const detected = aDetectedGapPayload();
const closed = aClosedGapPayload();
const alert = anAlertPayload();

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

  it('accept an alert without rule version and code set release (producers older than issue 21)', () => {
    expect(
      fieldsOf(CareAlertIssuedPayload, { ...alert, ruleVersion: undefined, codeSetRelease: undefined }),
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
      'alert: rule version and code set release not tokens',
      CareAlertIssuedPayload,
      { ...alert, ruleVersion: 'Gaps 2026', codeSetRelease: '' },
      ['codeSetRelease', 'ruleVersion'],
    ],
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
