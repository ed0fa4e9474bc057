import type { GroupHeader } from '../envelope/read-x12-envelope';
import { MAX_SEGMENT_ERRORS_PER_ACKNOWLEDGMENT } from './build-999';
import type {
  GroupAcknowledgment,
  GroupAcknowledgmentCode,
  GroupProblem,
  InterchangeAcknowledgment,
  InterchangeIdentity,
  InterchangeProblem,
  SegmentError,
  SetAcknowledgment,
  SetAcknowledgmentCode,
  SetProblem,
} from './acknowledgment.types';

/** How an interchange went, in the summary's words. */
export type InterchangeStatus = 'accepted' | 'accepted-with-errors' | 'partially-accepted' | 'rejected';

/**
 * The IK5 code of a transaction set: rejected (R) for a problem of the set itself or when none of its records was
 * taken, accepted with errors (E) when some were rejected, accepted (A) otherwise.
 */
export function setCode(options: {
  readonly setRejected: boolean;
  readonly taken: number;
  readonly rejectedRecords: number;
}): SetAcknowledgmentCode {
  if (options.setRejected) return 'R';
  if (options.rejectedRecords > 0) return options.taken === 0 ? 'R' : 'E';
  return 'A';
}

/**
 * IK5 error codes: the set's own envelope problems, 5 when segments outside its records are in error, else I5 when
 * records in it were in error.
 */
export function setProblems(
  own: readonly SetProblem[],
  setErrors: readonly SegmentError[],
  recordErrors: readonly SegmentError[],
): SetProblem[] {
  const problems = [...own];
  if (setErrors.length > 0) {
    problems.push({ code: '5', message: 'one or more segments of the set are in error outside its records' });
  }
  if (problems.length === 0 && recordErrors.length > 0) {
    problems.push({ code: 'I5', message: 'records of the set are in error' });
  }
  return problems;
}

/** Collects the outcome of an interchange, group by group and set by set, into its acknowledgment. */
export class AcknowledgmentAssembler {
  private identity: InterchangeIdentity | undefined;
  private readonly problems: InterchangeProblem[] = [];
  private readable = true;
  private readonly groups: GroupAcknowledgment[] = [];
  private group: { header: GroupHeader; problems: GroupProblem[]; sets: SetAcknowledgment[] } | undefined;
  private segmentErrors = 0;

  interchange(
    identity: InterchangeIdentity,
    problems: readonly InterchangeProblem[],
    readable: boolean,
  ): void {
    this.identity = identity;
    this.problems.push(...problems);
    this.readable = readable;
  }

  startGroup(header: GroupHeader, problems: readonly GroupProblem[]): void {
    this.group = { header, problems: [...problems], sets: [] };
  }

  /**
   * Adds a set's outcome. Its segment errors are kept while the interchange has fewer than
   * MAX_SEGMENT_ERRORS_PER_ACKNOWLEDGMENT (the most the 999 writes), so a file of many bad claims holds a bounded
   * acknowledgment; its code and counts stay exact.
   */
  addSet(set: SetAcknowledgment): void {
    const kept = set.segmentErrors.slice(
      0,
      Math.max(0, MAX_SEGMENT_ERRORS_PER_ACKNOWLEDGMENT - this.segmentErrors),
    );
    this.segmentErrors += kept.length;
    this.group?.sets.push({ ...set, segmentErrors: kept });
  }

  endGroup(problems: readonly GroupProblem[], received: number, declared: number | undefined): void {
    const group = this.group;
    if (group === undefined) return;
    this.group = undefined;
    const allProblems = [...group.problems, ...problems];
    const accepted = group.sets.filter((set) => set.code !== 'R').length;
    const unsupported = group.problems.some((problem) => problem.code === '1' || problem.code === '2');
    let code: GroupAcknowledgmentCode;
    if (unsupported || accepted === 0) code = 'R';
    else if (accepted < group.sets.length || received > group.sets.length) code = 'P';
    else if (allProblems.length > 0 || group.sets.some((set) => set.code === 'E')) code = 'E';
    else code = 'A';
    this.groups.push({
      functionalId: group.header.functionalId,
      control: group.header.control,
      version: group.header.version,
      sender: group.header.sender,
      receiver: group.header.receiver,
      code,
      problems: allProblems,
      sets: group.sets,
      included: declared ?? received,
      received,
    });
  }

  end(problems: readonly InterchangeProblem[]): void {
    for (const problem of problems) {
      if (!this.problems.some((known) => known.code === problem.code && known.message === problem.message)) {
        this.problems.push(problem);
      }
    }
  }

  result(): InterchangeAcknowledgment {
    if (this.identity === undefined) throw new Error('no interchange was read');
    const code = !this.readable ? 'R' : this.problems.length > 0 ? 'E' : 'A';
    return { interchange: this.identity, code, problems: this.problems, groups: this.groups };
  }

  /** The interchange's outcome in one word. */
  status(): InterchangeStatus {
    const ack = this.result();
    if (ack.code === 'R' || ack.groups.length === 0) return 'rejected';
    const codes = ack.groups.map((group) => group.code);
    if (codes.every((code) => code === 'R')) return 'rejected';
    if (codes.some((code) => code === 'R' || code === 'P')) return 'partially-accepted';
    if (codes.some((code) => code === 'E') || ack.code === 'E') return 'accepted-with-errors';
    return 'accepted';
  }
}
