import { ScreeningRequested } from '@care/contracts';
import type { EventFactory, OutgoingEvent, ReceivedEvent } from '@care/messaging';
import type { ScreeningRequestRow } from './persistence/screening-request.repository';

/**
 * The `screening-requested` event of a stored request. Its event id is the request id, so a request and its event
 * are one fact. `correlationId` names the originating fact when there is no causing event (the screening id).
 */
export function screeningRequestedEvent(
  events: EventFactory,
  request: ScreeningRequestRow,
  origin: { readonly causedBy?: ReceivedEvent; readonly correlationId?: string },
): OutgoingEvent {
  return events.create(ScreeningRequested.V1, {
    id: request.requestId,
    subject: request.memberId,
    occurredAt: request.requestedAt,
    ...(origin.causedBy !== undefined && { causedBy: origin.causedBy }),
    ...(origin.correlationId !== undefined && { correlationId: origin.correlationId }),
    data: {
      requestId: request.requestId,
      memberId: request.memberId,
      instrument: request.instrument,
      reason: request.reason,
      dueOn: request.dueOn,
      requestedAt: request.requestedAt,
      ...(request.caseId !== undefined && { caseId: request.caseId }),
      ...(request.programId !== undefined && { programId: request.programId }),
      ...(request.previousScreeningId !== undefined && { previousScreeningId: request.previousScreeningId }),
    },
  });
}
