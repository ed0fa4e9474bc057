import type { HandlerContext, ReceivedEvent } from '@care/messaging';
import type { ScreeningRequestMetrics } from '../screening-request.metrics';
import type { RequestScreeningsUseCase, ScreeningTrigger } from '../use-cases/request-screenings/request-screenings.use-case';

/** Dead-letter code of an event whose envelope subject is not the member its payload names. */
export const SUBJECT_MISMATCH_CODE = 'subject-mismatch';
/** Dead-letter code of a registered event version this service does not handle yet. */
export const UNSUPPORTED_VERSION_CODE = 'unsupported-version';

/** What one event means for screening: a trigger, nothing (`ignore`), or a version this code does not know. */
export type TriggerReading = ScreeningTrigger | 'ignore' | 'unsupported-version';

/**
 * Applies a batch of trigger events in the consumer's transaction. An event whose subject (the message's member)
 * differs from the payload's member is dead-lettered: one of the two is wrong, and guessing would screen the wrong
 * member. Metrics are counted after the commit.
 */
export async function applyScreeningTriggers(
  events: readonly ReceivedEvent[],
  context: HandlerContext,
  read: (event: ReceivedEvent) => TriggerReading,
  useCase: RequestScreeningsUseCase,
  metrics: ScreeningRequestMetrics,
): Promise<void> {
  const triggers: ScreeningTrigger[] = [];
  for (const event of events) {
    const reading = read(event);
    if (reading === 'ignore') continue;
    if (reading === 'unsupported-version') {
      context.reject(event, UNSUPPORTED_VERSION_CODE, `version ${event.envelope.version} of ${event.envelope.type} is not handled`);
    } else if (event.envelope.subject !== reading.memberId) {
      context.reject(event, SUBJECT_MISMATCH_CODE, `event ${event.envelope.id}: subject is not the payload's memberId`);
    } else {
      triggers.push(reading);
    }
  }
  if (triggers.length === 0) return;
  const { events: outgoing, decisions } = await useCase.execute(context.manager, triggers);
  await context.stage(outgoing);
  context.afterCommit(() => {
    decisions.forEach((forTrigger, index) => {
      const trigger = triggers[index];
      if (trigger === undefined) return;
      for (const decision of forTrigger) {
        if (decision.outcome === 'requested') metrics.countRequested(decision.instrument, trigger.reason);
        else metrics.countSuppressed(decision.instrument, decision.outcome);
      }
    });
  });
}
