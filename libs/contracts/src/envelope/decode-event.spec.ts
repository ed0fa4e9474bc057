import { TOPICS } from '../catalog/topic-catalog';
import { ClaimReceived } from '../events/claim-received/claim-received.event';
import { ClaimSubmission } from '../events/claims-inbound/claim-submission.payload';
import { ClaimsInbound } from '../events/claims-inbound/claims-inbound.event';
import { MemberEligibilityChanged } from '../events/member-eligibility-changed/member-eligibility-changed.event';
import { aValidMember, aValidProfessionalClaim } from '../testing/claim-factory';
import { decodeEvent, validatePayload } from './decode-event';

const EVENT_ID = '7b0f3f2e-4b7a-4c47-9a53-2b8c4f4d8e11';

function envelope(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: EVENT_ID,
    type: TOPICS.claimsInbound.name,
    version: 1,
    occurredAt: '2025-01-15T10:00:00Z',
    source: 'claims-system-a',
    subject: 'CLM-P-0001',
    correlationId: 'CLM-P-0001',
    data: aValidProfessionalClaim(),
    ...overrides,
  };
}

const encode = (value: unknown): string => JSON.stringify(value);

describe('event definitions', () => {
  it('register each event under its topic name and version', () => {
    expect(ClaimsInbound.V1).toMatchObject({ type: 'claims-inbound', version: 1, payload: ClaimSubmission });
    expect(ClaimReceived.V1).toMatchObject({ type: 'claim-received', version: 1 });
    expect(MemberEligibilityChanged.V1).toMatchObject({ type: 'member-eligibility-changed', version: 1 });
  });
});

describe('decodeEvent', () => {
  it.each([
    ['no value', null],
    ['not JSON', '{"id": '],
    ['an empty buffer', Buffer.from('')],
  ])('unparseable: %s', (_name, value) => {
    expect(decodeEvent(value)).toMatchObject({ ok: false, code: 'unparseable' });
  });

  it.each([
    ['a JSON array', '[]'],
    ['a JSON string', '"claim"'],
    ['no id', encode(envelope({ id: undefined }))],
    ['an id that is no UUID', encode(envelope({ id: 'evt-1' }))],
    ['no data', encode(envelope({ data: undefined }))],
    ['data as an array', encode(envelope({ data: [] }))],
    ['version 0', encode(envelope({ version: 0 }))],
  ])('invalid envelope: %s', (_name, value) => {
    expect(decodeEvent(value)).toMatchObject({ ok: false, code: 'invalid-envelope' });
  });

  it('names the failing envelope fields and keeps the event id when it is readable', () => {
    const result = decodeEvent(encode(envelope({ occurredAt: 'yesterday', source: '' })));
    expect(result).toMatchObject({ ok: false, code: 'invalid-envelope', eventId: EVENT_ID });
    expect(!result.ok && result.reason).toMatch(/occurredAt: .*\| source: /);
  });

  it('unexpected type on a topic', () => {
    expect(decodeEvent(encode(envelope()), [TOPICS.claimReceived.name])).toMatchObject({
      ok: false,
      code: 'unexpected-type',
      eventId: EVENT_ID,
    });
  });

  it('unknown type', () => {
    expect(decodeEvent(encode(envelope({ type: 'claim-teleported' })))).toMatchObject({
      ok: false,
      code: 'unknown-type',
    });
  });

  it('unknown version lists the known ones', () => {
    const result = decodeEvent(encode(envelope({ version: 2 })));
    expect(result).toMatchObject({ ok: false, code: 'unknown-version', eventId: EVENT_ID });
    expect(!result.ok && result.reason).toBe('unknown version 2 of claims-inbound (known: 1)');
  });

  it('invalid payload names every failing field path, without values', () => {
    const claim = aValidProfessionalClaim({ placeOfService: undefined });
    const lines = claim.lines!.map((line, index) =>
      index === 1 ? { ...line, procedureCode: undefined } : line,
    );
    const result = decodeEvent(encode(envelope({ data: { ...claim, lines, memberId: 'SECRET MEMBER' } })));
    expect(result).toMatchObject({ ok: false, code: 'invalid-payload', eventId: EVENT_ID });
    const reason = result.ok ? '' : result.reason;
    expect(reason).toContain('memberId: ');
    expect(reason).toContain('placeOfService: ');
    expect(reason).toContain('lines[1].procedureCode: ');
    expect(reason).not.toContain('SECRET');
  });

  it('decodes a valid event into a payload instance, stripping unknown fields and defaulting causationId', () => {
    const result = decodeEvent(
      Buffer.from(encode(envelope({ data: { ...aValidProfessionalClaim(), futureField: 1 }, extra: 1 }))),
      [TOPICS.claimsInbound.name],
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.definition).toBe(ClaimsInbound.V1);
    expect(result.envelope.causationId).toBeNull();
    expect(result.envelope.data).toBeInstanceOf(ClaimSubmission);
    expect(result.envelope.data).not.toHaveProperty('futureField');
    expect(result.envelope).not.toHaveProperty('extra');
  });

  it('decodes the other registered events', () => {
    const member = encode(
      envelope({
        type: TOPICS.memberEligibilityChanged.name,
        data: { changeType: 'added', member: aValidMember(), changedFields: [] },
        causationId: EVENT_ID,
      }),
    );
    expect(decodeEvent(member)).toMatchObject({ ok: true, definition: MemberEligibilityChanged.V1 });
    const received = encode(
      envelope({
        type: TOPICS.claimReceived.name,
        data: { claim: aValidProfessionalClaim(), intakeChannel: 'http', receivedAt: '2025-01-16T08:00:00Z' },
      }),
    );
    expect(decodeEvent(received)).toMatchObject({ ok: true, definition: ClaimReceived.V1 });
  });
});

describe('validatePayload', () => {
  it('checks a payload before it is produced', () => {
    expect(validatePayload(ClaimsInbound.V1, aValidProfessionalClaim())).toMatchObject({ ok: true });
    expect(validatePayload(ClaimsInbound.V1, aValidProfessionalClaim({ placeOfService: '0' }))).toEqual({
      ok: false,
      issues: [
        { field: 'placeOfService', messages: ['placeOfService must be a place-of-service code 01-99'] },
      ],
    });
  });
});
