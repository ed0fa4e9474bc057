import {
  aValidProfessionalClaim,
  ClaimReceived,
  ClaimsInbound,
  HEADERS,
  TOPICS,
  type ClaimReceivedPayload,
  type ClaimSubmission,
} from '@care/contracts';
import type { ReceivedEvent } from '../consumer/received-event';
import { EventFactory } from './outgoing-event';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const PARENT_TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const PARENT_SPAN_ID = '00f067aa0ba902b7';

const factory = new EventFactory('claims-intake');
const claim = aValidProfessionalClaim({ claimId: 'CLM-FACTORY-1', memberId: 'M0000042' });
const payload = (): ClaimReceivedPayload => ({
  claim,
  intakeChannel: 'kafka',
  receivedAt: '2025-03-01T12:00:00.000Z',
});

/** A claims-inbound event as the consumer hands it to a handler. */
function receivedClaim(headers: Record<string, string>): ReceivedEvent<ClaimSubmission> {
  return {
    envelope: {
      id: '5f0c8a7e-2f55-4a53-9a8e-1c1b2f0d9e01',
      type: ClaimsInbound.V1.type,
      version: 1,
      occurredAt: '2025-03-01T11:59:00.000Z',
      source: 'claims-system-a',
      subject: claim.memberId,
      correlationId: 'CLM-FACTORY-1',
      causationId: null,
      data: claim,
    },
    definition: ClaimsInbound.V1,
    topic: TOPICS.claimsInbound.name,
    partition: 2,
    offset: '17',
    key: claim.claimId,
    headers,
    timestamp: Date.parse('2025-03-01T11:59:01.000Z'),
  };
}

const traceparentOf = (headers: Readonly<Record<string, string>>): RegExpExecArray => {
  const match = TRACEPARENT.exec(headers[HEADERS.traceparent] ?? '');
  if (match === null) throw new Error(`not a W3C traceparent: ${headers[HEADERS.traceparent]}`);
  return match;
};

describe('event factory', () => {
  describe('a first fact', () => {
    it('builds the envelope from the definition, the producing service and the subject', () => {
      const event = factory.create(ClaimReceived.V1, {
        subject: 'M0000042',
        data: payload(),
        occurredAt: '2025-03-01T12:00:00Z',
      });
      expect(event.topic).toBe('claim-received');
      expect(event.envelope).toEqual({
        id: expect.stringMatching(UUID),
        type: 'claim-received',
        version: 1,
        occurredAt: '2025-03-01T12:00:00.000Z',
        source: 'claims-intake',
        subject: 'M0000042',
        correlationId: event.envelope.id,
        causationId: null,
        data: payload(),
      });
    });

    it('gives every event a new id unless one is fixed', () => {
      const ids = new Set(
        Array.from({ length: 50 }, () =>
          factory.create(ClaimReceived.V1, { subject: 'M1', data: payload() }),
        ),
      );
      expect(new Set([...ids].map((event) => event.envelope.id)).size).toBe(50);
      const fixed = factory.create(ClaimReceived.V1, {
        id: '0d3c1a2b-7e6f-4a5b-8c9d-0e1f2a3b4c5d',
        subject: 'M1',
        data: payload(),
      });
      expect(fixed.envelope.id).toBe('0d3c1a2b-7e6f-4a5b-8c9d-0e1f2a3b4c5d');
      expect(fixed.headers[HEADERS.eventId]).toBe('0d3c1a2b-7e6f-4a5b-8c9d-0e1f2a3b4c5d');
    });

    it('correlates with the originating fact when its id is given', () => {
      const event = factory.create(ClaimReceived.V1, {
        subject: 'M1',
        data: payload(),
        correlationId: 'CLM-FACTORY-1',
      });
      expect(event.envelope.correlationId).toBe('CLM-FACTORY-1');
      expect(event.envelope.causationId).toBeNull();
    });

    it('stamps occurredAt now when no business instant is given, and normalizes a Date', () => {
      const before = Date.now();
      const stamped = factory.create(ClaimReceived.V1, { subject: 'M1', data: payload() });
      expect(Date.parse(stamped.envelope.occurredAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(stamped.envelope.occurredAt)).toBeLessThanOrEqual(Date.now());
      const fromDate = factory.create(ClaimReceived.V1, {
        subject: 'M1',
        data: payload(),
        occurredAt: new Date(Date.UTC(2025, 0, 15, 8, 30)),
      });
      expect(fromDate.envelope.occurredAt).toBe('2025-01-15T08:30:00.000Z');
    });

    it('keys the message by the subject unless a key is given', () => {
      expect(factory.create(ClaimReceived.V1, { subject: 'M0000042', data: payload() }).key).toBe('M0000042');
      expect(
        factory.create(ClaimReceived.V1, { subject: 'M0000042', data: payload(), key: 'CLM-FACTORY-1' }).key,
      ).toBe('CLM-FACTORY-1');
    });

    it('repeats id, type, version and correlation id in the headers', () => {
      const event = factory.create(ClaimReceived.V1, {
        subject: 'M1',
        data: payload(),
        correlationId: 'CLM-FACTORY-1',
      });
      expect(event.headers).toEqual({
        [HEADERS.eventId]: event.envelope.id,
        [HEADERS.type]: 'claim-received',
        [HEADERS.version]: '1',
        [HEADERS.correlationId]: 'CLM-FACTORY-1',
        [HEADERS.traceparent]: expect.stringMatching(TRACEPARENT),
        [HEADERS.originTime]: event.envelope.occurredAt,
      });
    });

    it('starts a fresh sampled trace', () => {
      const first = traceparentOf(
        factory.create(ClaimReceived.V1, { subject: 'M1', data: payload() }).headers,
      );
      const second = traceparentOf(
        factory.create(ClaimReceived.V1, { subject: 'M1', data: payload() }).headers,
      );
      expect(first[3]).toBe('01');
      expect(first[1]).not.toBe('0'.repeat(32));
      expect(first[2]).not.toBe('0'.repeat(16));
      expect(second[1]).not.toBe(first[1]);
    });
  });

  describe('an event caused by a received event', () => {
    const parent = receivedClaim({ [HEADERS.traceparent]: `00-${PARENT_TRACE_ID}-${PARENT_SPAN_ID}-01` });

    it('carries the correlation id on and names its cause', () => {
      const event = factory.create(ClaimReceived.V1, {
        subject: 'M0000042',
        data: payload(),
        causedBy: parent,
      });
      expect(event.envelope.correlationId).toBe('CLM-FACTORY-1');
      expect(event.envelope.causationId).toBe(parent.envelope.id);
      expect(event.headers[HEADERS.correlationId]).toBe('CLM-FACTORY-1');
      expect(event.envelope.id).not.toBe(parent.envelope.id);
    });

    it('lets a new originating fact with an outside cause name its own correlation id (intake: the claim id)', () => {
      const event = factory.create(ClaimReceived.V1, {
        subject: 'M0000042',
        data: payload(),
        causedBy: parent,
        correlationId: 'CLM-OWN-ID',
      });
      expect(event.envelope.correlationId).toBe('CLM-OWN-ID');
      expect(event.envelope.causationId).toBe(parent.envelope.id);
    });

    it("carries the origin time on unchanged, or starts it at an outside cause's occurredAt", () => {
      const withOrigin = receivedClaim({ [HEADERS.originTime]: '2025-03-01T11:00:00.000Z' });
      expect(
        factory.create(ClaimReceived.V1, { subject: 'M1', data: payload(), causedBy: withOrigin }).headers[
          HEADERS.originTime
        ],
      ).toBe('2025-03-01T11:00:00.000Z');
      expect(
        factory.create(ClaimReceived.V1, { subject: 'M1', data: payload(), causedBy: parent }).headers[
          HEADERS.originTime
        ],
      ).toBe(parent.envelope.occurredAt);
    });

    it("continues the parent's trace with a new span id and the parent's flags", () => {
      const [, traceId, spanId, flags] = traceparentOf(
        factory.create(ClaimReceived.V1, { subject: 'M0000042', data: payload(), causedBy: parent }).headers,
      );
      expect(traceId).toBe(PARENT_TRACE_ID);
      expect(spanId).not.toBe(PARENT_SPAN_ID);
      expect(flags).toBe('01');
      const unsampled = receivedClaim({
        [HEADERS.traceparent]: `00-${PARENT_TRACE_ID}-${PARENT_SPAN_ID}-00`,
      });
      const child = factory.create(ClaimReceived.V1, { subject: 'M1', data: payload(), causedBy: unsampled });
      expect(traceparentOf(child.headers)[3]).toBe('00');
    });

    it('gives sibling events of one cause distinct span ids in the same trace', () => {
      const spans = Array.from({ length: 20 }, () =>
        traceparentOf(
          factory.create(ClaimReceived.V1, { subject: 'M1', data: payload(), causedBy: parent }).headers,
        ),
      );
      expect(new Set(spans.map((match) => match[1]))).toEqual(new Set([PARENT_TRACE_ID]));
      expect(new Set(spans.map((match) => match[2])).size).toBe(20);
    });

    it.each([
      ['no traceparent header', {}],
      ['a malformed traceparent', { [HEADERS.traceparent]: 'not-a-traceparent' }],
      ['an unknown version', { [HEADERS.traceparent]: `ff-${PARENT_TRACE_ID}-${PARENT_SPAN_ID}-01` }],
      [
        'upper-case hex',
        { [HEADERS.traceparent]: `00-${PARENT_TRACE_ID.toUpperCase()}-${PARENT_SPAN_ID}-01` },
      ],
      ['an all-zero trace id', { [HEADERS.traceparent]: `00-${'0'.repeat(32)}-${PARENT_SPAN_ID}-01` }],
      ['an all-zero parent span id', { [HEADERS.traceparent]: `00-${PARENT_TRACE_ID}-${'0'.repeat(16)}-01` }],
    ])('starts a fresh sampled trace when the cause has %s', (_case, headers) => {
      const event = factory.create(ClaimReceived.V1, {
        subject: 'M1',
        data: payload(),
        causedBy: receivedClaim(headers),
      });
      const [, traceId, spanId, flags] = traceparentOf(event.headers);
      expect(traceId).not.toBe(PARENT_TRACE_ID);
      expect(traceId).not.toBe('0'.repeat(32));
      expect(spanId).not.toBe('0'.repeat(16));
      expect(flags).toBe('01');
      // correlation and causation still come from the cause
      expect(event.envelope.causationId).toBe('5f0c8a7e-2f55-4a53-9a8e-1c1b2f0d9e01');
    });
  });
});
