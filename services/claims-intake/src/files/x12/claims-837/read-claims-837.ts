import type { SegmentError, SetProblem } from '../acknowledgment/acknowledgment.types';
import {
  X12EnvelopeReader,
  type EnvelopeItem,
  type GroupHeader,
  type SetHeader,
} from '../envelope/read-x12-envelope';
import type { InterchangeEvent } from '../envelope/interchange-event';
import type { X12Segment } from '../segments/read-x12-segments';
import { Claim837SetReader } from './claim-837-set.reader';
import { CLAIM_837_GUIDES, type Claim837Kind } from './claim-837.structure';
import { checkClaim837, type CheckedClaim837 } from './check-claim-837';

/**
 * Most claims one transaction set may hold: the TR3's recommended limit (many payers' companion guides enforce it).
 * A set's claims are held until its SE confirms the set, so this bounds the memory of an upload.
 */
export const MAX_CLAIMS_PER_SET = 5000;

/** One 837 transaction set, read to its SE: its claims, checked, and whether the set as a whole is rejected. */
export interface ReadClaimSet {
  readonly group: GroupHeader;
  readonly header: SetHeader;
  readonly kind?: Claim837Kind;
  /** Envelope and set header problems (IK5 codes); any makes the set rejected. */
  readonly problems: readonly SetProblem[];
  /** Structure errors outside the claims; any makes the set rejected. */
  readonly segmentErrors: readonly SegmentError[];
  /** The set's claims in order (none past MAX_CLAIMS_PER_SET). */
  readonly claims: readonly CheckedClaim837[];
  /** Claims read, including those past the limit. */
  readonly claimCount: number;
}

export type Claims837Event = InterchangeEvent<ReadClaimSet, { readonly claimKind?: Claim837Kind }>;

/** Whether a set is rejected as a whole. */
export function isSetRejected(set: ReadClaimSet): boolean {
  return set.problems.length > 0 || set.segmentErrors.length > 0 || set.kind === undefined;
}

/**
 * Reads an 837 interchange: envelopes checked, each transaction set read claim by claim (mapped and validated as it
 * ends) and handed out at its SE with its claims. A functional group that is not 837 claims (GS01 HC, GS08 one of
 * the two guides) is reported and its sets skipped. Holds at most one transaction set's checked claims.
 */
export async function* readClaims837(
  segments: AsyncIterable<readonly X12Segment[]>,
  options: { readonly maxClaimsPerSet?: number } = {},
): AsyncGenerator<Claims837Event, void, undefined> {
  const maxClaims = options.maxClaimsPerSet ?? MAX_CLAIMS_PER_SET;
  let separators = { component: ':' };
  let group: { header: GroupHeader; kind?: Claim837Kind } | undefined;
  let current:
    | {
        header: SetHeader;
        problems: SetProblem[];
        reader?: Claim837SetReader;
        claims: CheckedClaim837[];
        claimCount: number;
        extra: SegmentError[];
      }
    | undefined;
  const take = (claim: CheckedClaim837 | undefined): void => {
    if (claim === undefined || current === undefined) return;
    current.claimCount += 1;
    if (current.claims.length < maxClaims) {
      current.claims.push(claim);
    } else if (current.claimCount === maxClaims + 1) {
      current.extra.push({
        tag: 'CLM',
        position: claim.position,
        loop: '2300',
        code: '4',
        elements: [],
        message: `transaction set ${current.header.control} holds more than ${maxClaims} claims (the most one set may hold)`,
      });
    }
  };
  const envelope = new X12EnvelopeReader();
  const step = (item: EnvelopeItem): Claims837Event[] => {
    const out: Claims837Event[] = [];
    switch (item.kind) {
      case 'interchange':
        separators = { component: item.delimiters.component };
        out.push({
          kind: 'interchange',
          identity: item.identity,
          problems: item.problems,
          readable: item.readable,
        });
        break;
      case 'group': {
        const problems = [...item.problems];
        const claimKind = (Object.keys(CLAIM_837_GUIDES) as Claim837Kind[]).find(
          (kind) => CLAIM_837_GUIDES[kind] === item.header.version,
        );
        if (item.header.functionalId !== 'HC') {
          problems.push({
            code: '1',
            message: 'GS01 must be HC: this endpoint takes health care claims (837)',
          });
        } else if (claimKind === undefined) {
          problems.push({
            code: '2',
            message: 'GS08 must be 005010X222A1 (837P) or 005010X223A2 (837I)',
          });
        }
        group = {
          header: item.header,
          ...(problems.length === 0 && claimKind !== undefined ? { kind: claimKind } : {}),
        };
        out.push({
          kind: 'group',
          header: item.header,
          problems,
          ...(group.kind === undefined ? {} : { claimKind: group.kind }),
        });
        break;
      }
      case 'set': {
        const problems = [...item.problems];
        const kind = group?.kind;
        if (kind !== undefined) {
          if (item.header.id !== '837') {
            problems.push({ code: '6', message: 'ST01 must be 837 in a group of health care claims' });
          } else if (item.header.implementation !== CLAIM_837_GUIDES[kind]) {
            problems.push({
              code: 'I6',
              message: 'ST03 must name the implementation guide of the group (GS08)',
            });
          }
        }
        current = {
          header: item.header,
          problems,
          ...(kind === undefined || problems.length > 0 ? {} : { reader: new Claim837SetReader(kind) }),
          claims: [],
          claimCount: 0,
          extra: [],
        };
        break;
      }
      case 'segment':
        if (current?.reader !== undefined && group?.kind !== undefined) {
          const ended = current.reader.accept(item.segment, item.position);
          if (ended !== undefined) take(checkClaim837(ended, group.kind, separators));
        }
        break;
      case 'set-end': {
        if (current === undefined || group === undefined) break;
        const kind = group.kind;
        if (current.reader !== undefined && kind !== undefined) {
          const last = current.reader.finish();
          if (last !== undefined) take(checkClaim837(last, kind, separators));
        }
        const segmentErrors = [...(current.reader?.errors ?? []), ...current.extra];
        const problems = [...current.problems, ...item.problems];
        const set: ReadClaimSet = {
          group: group.header,
          header: current.header,
          ...(kind === undefined ? {} : { kind }),
          problems,
          segmentErrors,
          claims: current.claims,
          claimCount: current.claimCount,
        };
        current = undefined;
        if (kind !== undefined) out.push({ kind: 'set', set });
        break;
      }
      case 'group-end':
        out.push({
          kind: 'group-end',
          problems: item.problems,
          sets: item.sets,
          ...(item.declared === undefined ? {} : { declared: item.declared }),
        });
        group = undefined;
        break;
      case 'interchange-end':
        out.push({ kind: 'interchange-end', problems: item.problems, complete: item.complete });
        break;
    }
    return out;
  };
  for await (const batch of segments) {
    for (const segment of batch) {
      for (const item of envelope.accept(segment)) {
        const events = step(item);
        for (const event of events) yield event;
      }
    }
  }
  for (const item of envelope.finish()) {
    for (const event of step(item)) yield event;
  }
}
