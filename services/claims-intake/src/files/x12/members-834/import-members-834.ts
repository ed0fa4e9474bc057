import type {
  ElementErrorCode,
  SegmentError,
  SetAcknowledgment,
} from '../acknowledgment/acknowledgment.types';
import { AcknowledgmentAssembler, setCode, setProblems } from '../acknowledgment/acknowledgment-assembler';
import { build999 } from '../acknowledgment/build-999';
import { describeRejection, type FieldSource } from '../mapping/field-sources';
import type { InterchangeImporter, X12Answer } from '../intake/receive-interchange';
import { walkInterchange } from '../intake/walk-interchange';
import type { MemberChange834 } from './member-834.mapper';
import { readMembers834, type ReadMemberSet } from './read-members-834';

/** Most transaction sets the summary lists (an interchange of many small sets keeps a bounded answer). */
const MAX_REPORTED_SETS = 10_000;

/** One rejected member: where its loop stands (INS) and why. Never the member's id or name (PHI). */
export interface X12MemberRejection {
  readonly transactionSet: string;
  readonly segment: number;
  readonly reason: string;
}

export interface X12MemberSetSummary {
  readonly group: string;
  readonly transactionSet: string;
  readonly status: 'accepted' | 'accepted-with-errors' | 'rejected';
  readonly members: number;
  readonly errors: readonly string[];
}

/** The answer to an 834 upload. */
export interface X12MembersSummary extends X12Answer {
  readonly problems: readonly string[];
  readonly transactionSets: readonly X12MemberSetSummary[];
  readonly members: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
  /** Of `updated`: terminations (INS03 024) that ended a coverage. */
  readonly terminated: number;
  readonly rejected: number;
  readonly rejections: readonly X12MemberRejection[];
}

/** A member change's outcome at the roster. */
export type MemberChangeOutcome =
  | { readonly status: 'added' | 'updated' | 'unchanged' }
  | {
      readonly status: 'invalid';
      readonly issues: ReadonlyArray<{
        readonly field: string;
        readonly messages: readonly string[];
        readonly source: FieldSource;
        readonly code?: ElementErrorCode;
      }>;
    };

/** Where the members of an 834 go: merged with the roster, validated as POST /v1/members, upserted. */
export interface Members834Intake {
  apply(changes: readonly MemberChange834[]): Promise<MemberChangeOutcome[]>;
}

const MAX_REPORTED_REJECTIONS = 10_000;
const APPLY_BATCH_SIZE = 500;

/**
 * Imports the members of an 834 interchange (docs/x12-834.md): each transaction set read to its SE, then its member
 * changes applied to the roster in batches; one bad member loop rejects only itself (named by its INS position).
 * Answers with the summary and the 999.
 */
export function members834Importer(
  intake: Members834Intake,
  now: () => Date = () => new Date(),
): InterchangeImporter<X12MembersSummary> {
  return async (segments, admit, progress) => {
    const assembler = new AcknowledgmentAssembler();
    const counts = { members: 0, added: 0, updated: 0, unchanged: 0, terminated: 0, rejected: 0 };
    const rejections: X12MemberRejection[] = [];
    const reject = (rejection: X12MemberRejection): void => {
      counts.rejected += 1;
      if (rejections.length < MAX_REPORTED_REJECTIONS) rejections.push(rejection);
    };
    const walked = await walkInterchange(readMembers834(segments), assembler, {
      admit,
      progress,
      storeSet: (set) => importSet(set, intake, counts, reject),
      maxSummaries: MAX_REPORTED_SETS,
    });
    if (walked.drained || walked.key === undefined) {
      return { answer: undefined as unknown as X12MembersSummary, complete: false };
    }
    return {
      complete: walked.complete,
      answer: {
        interchange: { ...walked.key, status: assembler.status(), repeated: false },
        problems: walked.problems,
        transactionSets: walked.sets,
        ...counts,
        rejections,
        acknowledgment: build999(assembler.result(), now()),
      },
    };
  };
}

async function importSet(
  set: ReadMemberSet,
  intake: Members834Intake,
  counts: { members: number; added: number; updated: number; unchanged: number; terminated: number },
  reject: (rejection: X12MemberRejection) => void,
): Promise<{ acknowledgment: SetAcknowledgment; summary: X12MemberSetSummary }> {
  const control = set.header.control;
  const setRejected = set.problems.length > 0 || set.segmentErrors.length > 0;
  const setReasons = [
    ...set.problems.map((problem) => problem.message),
    ...set.segmentErrors.map((error) => error.message),
  ];
  const recordErrors: SegmentError[] = [];
  let taken = 0;
  let rejectedMembers = set.memberCount - set.members.length;
  counts.members += set.memberCount;
  const rejectMember = (position: number, reason: string, errors: readonly SegmentError[]): void => {
    rejectedMembers += 1;
    recordErrors.push(...errors);
    reject({ transactionSet: control, segment: position, reason });
  };
  const ready: MemberChange834[] = [];
  for (const member of set.members) {
    if (!member.ok) rejectMember(member.position, member.reason, member.segmentErrors);
    else if (setRejected)
      rejectMember(
        member.change.position,
        `transaction set ${control} was rejected: ${setReasons.slice(0, 3).join(' | ')}`,
        [],
      );
    else if (member.change.issues.length > 0) {
      const { reason, segmentErrors } = describeRejection(
        member.change.issues.map((issue) => ({
          field: issue.field,
          messages: [issue.message],
          source: issue.source,
          code: issue.code,
        })),
      );
      rejectMember(member.change.position, reason, segmentErrors);
    } else ready.push(member.change);
  }
  for (let extra = 0; extra < set.memberCount - set.members.length; extra += 1)
    reject({
      transactionSet: control,
      segment: 0,
      reason: `transaction set ${control} holds more members than a set may hold`,
    });
  for (let start = 0; start < ready.length; start += APPLY_BATCH_SIZE) {
    const batch = ready.slice(start, start + APPLY_BATCH_SIZE);
    const outcomes = await intake.apply(batch);
    batch.forEach((change, index) => {
      const outcome = outcomes[index];
      if (outcome === undefined || outcome.status === 'invalid') {
        const { reason, segmentErrors } = describeRejection(outcome?.issues ?? []);
        rejectMember(change.position, reason || 'not applied', segmentErrors);
        return;
      }
      taken += 1;
      counts[outcome.status] += 1;
      if (change.action === 'terminate' && outcome.status === 'updated') counts.terminated += 1;
    });
  }
  const code = setCode({ setRejected, taken, rejectedRecords: rejectedMembers });
  const segmentErrors = [...set.segmentErrors, ...recordErrors];
  return {
    acknowledgment: {
      id: set.header.id,
      control,
      implementation: set.header.implementation,
      code,
      problems: setProblems(set.problems, set.segmentErrors, recordErrors),
      segmentErrors,
    },
    summary: {
      group: set.group.control,
      transactionSet: control,
      status: code === 'A' ? 'accepted' : code === 'E' ? 'accepted-with-errors' : 'rejected',
      members: set.memberCount,
      errors: setReasons.slice(0, 100),
    },
  };
}
