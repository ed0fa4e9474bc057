import type { ClaimSubmission } from '@care/contracts';
import { AcknowledgmentAssembler, setCode, setProblems } from '../acknowledgment/acknowledgment-assembler';
import type { SegmentError } from '../acknowledgment/acknowledgment.types';
import { build999 } from '../acknowledgment/build-999';
import type { PatientMatch } from '../intake/match-patients';
import type { InterchangeImporter, X12Answer } from '../intake/receive-interchange';
import { walkInterchange } from '../intake/walk-interchange';
import type { PatientToMatch } from './claim-837.mapper';
import type { CheckedClaim837 } from './check-claim-837';
import { isSetRejected, readClaims837, type ReadClaimSet } from './read-claims-837';

/** Most transaction sets the summary lists (an interchange of many small sets keeps a bounded answer). */
const MAX_REPORTED_SETS = 10_000;

/** One rejected claim in the summary: where it stands in the file, its CLM01 and why. */
export interface X12ClaimRejection {
  readonly transactionSet: string;
  /** Position of its CLM in the transaction set (ST is 1). */
  readonly segment: number;
  readonly claimId: string;
  readonly reason: string;
}

/** One transaction set in the summary. */
export interface X12SetSummary {
  readonly group: string;
  readonly transactionSet: string;
  readonly guide: string;
  readonly status: 'accepted' | 'accepted-with-errors' | 'rejected';
  readonly claims: number;
  /** Envelope and structure errors of the set itself, with their segment positions (the first 100). */
  readonly errors: readonly string[];
}

/** The answer to an 837 upload (and the CLI's --json output). */
export interface X12ClaimsSummary extends X12Answer {
  /** Problems of the interchange and group envelopes. */
  readonly problems: readonly string[];
  readonly transactionSets: readonly X12SetSummary[];
  readonly claims: number;
  readonly accepted: number;
  readonly duplicate: number;
  readonly conflict: number;
  readonly rejected: number;
  readonly rejections: readonly X12ClaimRejection[];
}

/** Where the claims of an 837 go: the intake (versions given to replacements and voids) and the roster. */
export interface Claims837Intake {
  submit(
    claims: readonly ClaimSubmission[],
  ): Promise<ReadonlyArray<{ readonly status: string; readonly version: number }>>;
  matchPatients(patients: readonly PatientToMatch[]): Promise<PatientMatch[]>;
}

export const MAX_REPORTED_X12_REJECTIONS = 10_000;
const MAX_SET_ERRORS_REPORTED = 100;
const SUBMIT_BATCH_SIZE = 500;

/**
 * Imports the claims of an 837 interchange (docs/x12-837.md): each transaction set is read to its SE, then its valid
 * claims go to intake in batches (a rejected set takes none); one bad claim rejects only itself, named by CLM01 with
 * its reasons. Answers with the summary and the 999 (and TA1) acknowledgment. Holds one transaction set at a time.
 */
export function claims837Importer(
  intake: Claims837Intake,
  now: () => Date = () => new Date(),
): InterchangeImporter<X12ClaimsSummary> {
  return async (segments, admit, progress) => {
    const assembler = new AcknowledgmentAssembler();
    const counts = { claims: 0, accepted: 0, duplicate: 0, conflict: 0, rejected: 0 };
    const rejections: X12ClaimRejection[] = [];
    const reject = (rejection: X12ClaimRejection): void => {
      counts.rejected += 1;
      if (rejections.length < MAX_REPORTED_X12_REJECTIONS) rejections.push(rejection);
    };
    const walked = await walkInterchange(readClaims837(segments), assembler, {
      admit,
      progress,
      storeSet: (set) => importSet(set, intake, counts, reject),
      maxSummaries: MAX_REPORTED_SETS,
    });
    if (walked.drained || walked.key === undefined) {
      // Received before: the ledger answers with the first answer; this one is never used.
      return { answer: undefined as unknown as X12ClaimsSummary, complete: false };
    }
    const acknowledgment = build999(assembler.result(), now());
    return {
      complete: walked.complete,
      answer: {
        interchange: { ...walked.key, status: assembler.status(), repeated: false },
        problems: walked.problems,
        transactionSets: walked.sets,
        ...counts,
        rejections,
        acknowledgment,
      },
    };
  };
}

async function importSet(
  set: ReadClaimSet,
  intake: Claims837Intake,
  counts: { claims: number; accepted: number; duplicate: number; conflict: number; rejected: number },
  reject: (rejection: X12ClaimRejection) => void,
): Promise<{ acknowledgment: Parameters<AcknowledgmentAssembler['addSet']>[0]; summary: X12SetSummary }> {
  const control = set.header.control;
  const recordErrors: SegmentError[] = [];
  const rejectedSet = isSetRejected(set);
  const setReasons = [
    ...set.problems.map((problem) => problem.message),
    ...set.segmentErrors.map((error) => error.message),
  ];
  let taken = 0;
  let rejectedClaims = 0;
  counts.claims += set.claimCount;
  const rejectClaim = (claim: CheckedClaim837, reason: string, errors: readonly SegmentError[]): void => {
    rejectedClaims += 1;
    recordErrors.push(...errors);
    reject({ transactionSet: control, segment: claim.position, claimId: claim.claimId, reason });
  };
  const valid: Array<Extract<CheckedClaim837, { ok: true }>> = [];
  for (const claim of set.claims) {
    if (!claim.ok) rejectClaim(claim, claim.reason, claim.segmentErrors);
    else if (rejectedSet)
      rejectClaim(
        claim,
        `transaction set ${control} was rejected: ${setReasons.slice(0, 3).join(' | ')}`,
        [],
      );
    else valid.push(claim);
  }
  // Claims past the most a set may hold were not kept: counted as rejected with the set.
  for (let extra = set.claims.length; extra < set.claimCount; extra += 1) {
    rejectedClaims += 1;
    counts.rejected += 1;
  }

  // 2000C patients: the roster names the member.
  const withPatient = valid.filter((claim) => claim.patient !== undefined);
  const matches = await intake.matchPatients(withPatient.map((claim) => claim.patient as PatientToMatch));
  const memberOf = new Map<CheckedClaim837, string>();
  withPatient.forEach((claim, index) => {
    const match = matches[index];
    const patient = claim.patient as PatientToMatch;
    if (match !== undefined && 'memberId' in match) {
      memberOf.set(claim, match.memberId);
    } else {
      const problem =
        match !== undefined && 'problem' in match ? match.problem : 'the patient was not found on the roster';
      rejectClaim(claim, `memberId (NM1 at segment ${patient.source.position}): ${problem}`, [
        {
          tag: patient.source.tag,
          position: patient.source.position,
          loop: patient.source.loop,
          code: '8',
          claimId: claim.claimId,
          elements: [],
          message: `memberId: ${problem}`,
        },
      ]);
    }
  });
  const ready = valid.filter((claim) => claim.patient === undefined || memberOf.has(claim));
  for (let start = 0; start < ready.length; start += SUBMIT_BATCH_SIZE) {
    const batch = ready.slice(start, start + SUBMIT_BATCH_SIZE);
    const outcomes = await intake.submit(
      batch.map((claim) => {
        const memberId = memberOf.get(claim);
        return memberId === undefined ? claim.claim : { ...claim.claim, memberId };
      }),
    );
    if (outcomes.length !== batch.length) {
      throw new Error(`intake answered ${outcomes.length} outcomes to a batch of ${batch.length} claims`);
    }
    batch.forEach((claim, index) => {
      const outcome = outcomes[index] as { status: string; version: number };
      if (outcome.status === 'accepted' || outcome.status === 'duplicate') {
        taken += 1;
        if (outcome.status === 'accepted') counts.accepted += 1;
        else counts.duplicate += 1;
        return;
      }
      if (outcome.status === 'conflict') counts.conflict += 1;
      const reason =
        outcome.status === 'conflict'
          ? `claim ${claim.claim.claimId} version ${outcome.version} was already received with different content`
          : `not accepted (${outcome.status})`;
      rejectClaim(claim, reason, [
        {
          tag: 'CLM',
          position: claim.position,
          loop: '2300',
          code: '8',
          claimId: claim.claimId,
          elements: [{ position: 1, reference: '1028', code: '7' }],
          message: reason,
        },
      ]);
    });
  }
  const code = setCode({ setRejected: rejectedSet, taken, rejectedRecords: rejectedClaims });
  const allErrors = [...set.segmentErrors, ...recordErrors];
  return {
    acknowledgment: {
      id: set.header.id,
      control,
      implementation: set.header.implementation,
      code,
      problems: setProblems(set.problems, set.segmentErrors, recordErrors),
      segmentErrors: allErrors,
    },
    summary: {
      group: set.group.control,
      transactionSet: control,
      guide: set.header.implementation,
      status: code === 'A' ? 'accepted' : code === 'E' ? 'accepted-with-errors' : 'rejected',
      claims: set.claimCount,
      errors: setReasons.slice(0, MAX_SET_ERRORS_REPORTED),
    },
  };
}
