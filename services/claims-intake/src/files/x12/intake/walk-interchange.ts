import type { AcknowledgmentAssembler } from '../acknowledgment/acknowledgment-assembler';
import type { InterchangeIdentity, SetAcknowledgment } from '../acknowledgment/acknowledgment.types';
import type { InterchangeEvent } from '../envelope/interchange-event';
import { interchangeKeyOf, type Admission } from './receive-interchange';
import type { InterchangeKey } from './x12-interchange.repository';

/** An interchange walked to its end: its key, envelope problems, set summaries and whether it was drained. */
export interface WalkedInterchange<TSummary> {
  /** Undefined when no ISA was read. */
  readonly key: InterchangeKey | undefined;
  /** Received before: admission said drain, nothing was stored and the first answer stands. */
  readonly drained: boolean;
  /** Read to its IEA. */
  readonly complete: boolean;
  /** Problems of the interchange and group envelopes, prefixed with their segment. */
  readonly problems: readonly string[];
  /** The first `maxSummaries` sets' summaries; the 999 in the assembler acknowledges every set. */
  readonly sets: readonly TSummary[];
}

/**
 * Walks an interchange's envelope for an importer: admits it at its ISA (draining it when received before), feeds
 * the acknowledgment assembler at each envelope event, and stores each transaction set with `storeSet` while the
 * next one is read (at most two sets are held; a failed store fails the walk at the next envelope event).
 */
export async function walkInterchange<TSet, TSummary>(
  events: AsyncIterable<InterchangeEvent<TSet>>,
  assembler: AcknowledgmentAssembler,
  steps: {
    readonly admit: (identity: InterchangeIdentity, readable: boolean) => Promise<Admission>;
    readonly progress: () => Promise<void>;
    readonly storeSet: (set: TSet) => Promise<{ acknowledgment: SetAcknowledgment; summary: TSummary }>;
    readonly maxSummaries: number;
  },
): Promise<WalkedInterchange<TSummary>> {
  const problems: string[] = [];
  const sets: TSummary[] = [];
  let draining = false;
  let complete = false;
  let key: InterchangeKey | undefined;
  let storing: Promise<void> | undefined;
  let failure: Error | undefined;
  /** Waits for the set being stored; its failure fails the import. */
  const settle = async (): Promise<void> => {
    await storing;
    storing = undefined;
    if (failure !== undefined) throw failure;
  };
  for await (const event of events) {
    if (draining) continue;
    switch (event.kind) {
      case 'interchange':
        assembler.interchange(event.identity, event.problems, event.readable);
        problems.push(...event.problems.map((problem) => `ISA: ${problem.message}`));
        key = interchangeKeyOf(event.identity);
        draining = (await steps.admit(event.identity, event.readable)) === 'drain';
        break;
      case 'group':
        assembler.startGroup(event.header, event.problems);
        problems.push(...event.problems.map((problem) => `GS ${event.header.control}: ${problem.message}`));
        break;
      case 'set':
        // The set is stored while the next one is read: at most two sets are held.
        await settle();
        storing = steps.storeSet(event.set).then(
          async (outcome) => {
            assembler.addSet(outcome.acknowledgment);
            if (sets.length < steps.maxSummaries) sets.push(outcome.summary);
            await steps.progress();
          },
          (error: unknown) => {
            failure = error instanceof Error ? error : new Error('storing a transaction set failed');
          },
        );
        break;
      case 'group-end':
        await settle();
        assembler.endGroup(event.problems, event.sets, event.declared);
        problems.push(...event.problems.map((problem) => `GE: ${problem.message}`));
        break;
      case 'interchange-end':
        await settle();
        assembler.end(event.problems);
        problems.push(...event.problems.map((problem) => `IEA: ${problem.message}`));
        complete = event.complete;
        break;
    }
  }
  await settle();
  return { key, drained: draining, complete, problems, sets };
}
