/**
 * What the 999 implementation acknowledgment (005010X231A1) and the TA1 interchange acknowledgment report, as
 * values: the builder writes them out, the summary repeats them in words. Codes are the X12 code lists; messages
 * name segments and elements, never their values (no PHI).
 */

/** IK304: why a segment is in error. */
export type SegmentErrorCode = '1' | '2' | '3' | '4' | '5' | '7' | '8' | 'I4' | 'I6';
/** IK403: why a data element is in error. */
export type ElementErrorCode = '1' | '2' | '4' | '5' | '6' | '7' | '8' | '9' | '10' | '12' | 'I6' | 'I12';
/** IK502..: why a transaction set is in error. */
export type SetErrorCode = '1' | '2' | '3' | '4' | '5' | '6' | '7' | '23' | 'I5' | 'I6';
/** AK905..: why a functional group is in error. */
export type GroupErrorCode = '1' | '2' | '3' | '4' | '5' | '6';
/** TA105: the interchange note code. */
export type InterchangeNoteCode =
  | '001'
  | '006'
  | '008'
  | '014'
  | '015'
  | '017'
  | '018'
  | '019'
  | '020'
  | '021'
  | '022'
  | '023'
  | '024'
  | '025';

/** IK4: one element of a segment in error. */
export interface ElementError {
  /** IK401-1: position of the element in the segment (1 = XX01). */
  readonly position: number;
  /** IK401-2: position of the component in a composite. */
  readonly component?: number;
  /** IK402: the data element reference number, when known. */
  readonly reference?: string;
  readonly code: ElementErrorCode;
}

/** IK3 (with its IK4s): one segment of a transaction set in error. */
export interface SegmentError {
  readonly tag: string;
  /** IK302: position in the transaction set, ST being 1. */
  readonly position: number;
  /** IK303: the loop the segment is in, when known. */
  readonly loop?: string;
  readonly code: SegmentErrorCode;
  /** CTX business unit identifier: the claim (CLM01) the error belongs to. */
  readonly claimId?: string;
  readonly elements: readonly ElementError[];
  /** The error in words, for the summary. */
  readonly message: string;
}

/** A problem with a transaction set's envelope (ST/SE) or the set as a whole. */
export interface SetProblem {
  readonly code: SetErrorCode;
  readonly message: string;
}

/** A problem with a functional group's envelope (GS/GE). */
export interface GroupProblem {
  readonly code: GroupErrorCode;
  readonly message: string;
}

/** A problem with the interchange envelope (ISA/IEA). */
export interface InterchangeProblem {
  readonly code: InterchangeNoteCode;
  readonly message: string;
}

/** IK5 / AK9 / TA1 acknowledgment codes. */
export type SetAcknowledgmentCode = 'A' | 'E' | 'R';
export type GroupAcknowledgmentCode = 'A' | 'E' | 'P' | 'R';
export type InterchangeAcknowledgmentCode = 'A' | 'E' | 'R';

/** The outcome of one transaction set (AK2 ... IK5 of the 999). */
export interface SetAcknowledgment {
  readonly id: string;
  readonly control: string;
  readonly implementation: string;
  readonly code: SetAcknowledgmentCode;
  readonly problems: readonly SetProblem[];
  readonly segmentErrors: readonly SegmentError[];
}

/** The outcome of one functional group (AK1 ... AK9 of the 999). */
export interface GroupAcknowledgment {
  readonly functionalId: string;
  readonly control: string;
  readonly version: string;
  readonly sender: string;
  readonly receiver: string;
  readonly code: GroupAcknowledgmentCode;
  readonly problems: readonly GroupProblem[];
  readonly sets: readonly SetAcknowledgment[];
  /** AK902: transaction sets the GE says the group holds (the count received when the GE is missing). */
  readonly included: number;
  /** AK903: transaction sets received. */
  readonly received: number;
}

/** What the interchange envelope said, as far as the acknowledgment needs it. */
export interface InterchangeIdentity {
  readonly senderQualifier: string;
  readonly senderId: string;
  readonly receiverQualifier: string;
  readonly receiverId: string;
  readonly date: string;
  readonly time: string;
  readonly controlNumber: string;
  readonly usage: string;
  readonly acknowledgmentRequested: string;
}

/** The outcome of one interchange: the TA1 (when due) and a 999 per functional group. */
export interface InterchangeAcknowledgment {
  readonly interchange: InterchangeIdentity;
  readonly code: InterchangeAcknowledgmentCode;
  readonly problems: readonly InterchangeProblem[];
  readonly groups: readonly GroupAcknowledgment[];
}
