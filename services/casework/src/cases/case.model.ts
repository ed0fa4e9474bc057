import type { AdvocacyCategory } from '@care/clinical';

/**
 * The life cycle of an advocacy case:
 * - `open`: taken in, the advocate's first call owed (a `case-callback` task);
 * - `in-progress`: an advocate is working it;
 * - `waiting-on-member`, `waiting-on-third-party` (provider, carrier, facility): paused on someone else;
 * - `resolved` (with a resolution): the work is done; it may be reopened (back to `in-progress`) or closed;
 * - `closed` and `withdrawn` (the member no longer wants help, or the request was entered in error) are final.
 */
export const CASE_STATUSES = [
  'open',
  'in-progress',
  'waiting-on-member',
  'waiting-on-third-party',
  'resolved',
  'closed',
  'withdrawn',
] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The only changes allowed, from each status. */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  open: ['in-progress', 'withdrawn'],
  'in-progress': ['waiting-on-member', 'waiting-on-third-party', 'resolved', 'withdrawn'],
  'waiting-on-member': ['in-progress', 'withdrawn'],
  'waiting-on-third-party': ['in-progress', 'withdrawn'],
  resolved: ['in-progress', 'closed'],
  closed: [],
  withdrawn: [],
};

/** How a resolved case ended: the help was given, or it could not be (no agreement, no option). */
export const CASE_RESOLUTIONS = ['completed', 'unable-to-resolve'] as const;
export type CaseResolution = (typeof CASE_RESOLUTIONS)[number];

/** Who works a case: the advocates, or the health plan's own team (routing; CLINICAL.md). */
export const CASE_QUEUES = ['advocacy', 'health-plan'] as const;
export type CaseQueue = (typeof CASE_QUEUES)[number];

/** How the request reached casework. */
export const INTAKE_CHANNELS = ['phone', 'web', 'email', 'referral'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];

/** The bill of a bill-saver case, as the member reports it. */
export interface CaseBill {
  /** What the member owes, in dollars. */
  readonly amount: number;
  readonly coveredByPlan: boolean;
  readonly inNetworkProvider: boolean;
  /** The billing provider's NPI, when known. */
  readonly providerNpi?: string;
  /** The day of service (ISO date), when known. */
  readonly serviceDate?: string;
}

/** The recorded outcome of a bill negotiation: the provider's written sign-off is required. */
export interface BillNegotiationView {
  readonly billedAmount: number;
  readonly negotiatedAmount: number;
  readonly savings: number;
  readonly paymentTerms: string;
  /** The written summary given to the member (PHI: never logged). */
  readonly writtenSummary: string;
  readonly providerSignOff: { readonly signedBy: string; readonly signedAt: string; readonly documentId: string };
  readonly recordedBy: string;
  readonly recordedAt: string;
}

/** One status change of a case. */
export interface CaseHistoryEntry {
  readonly from: CaseStatus | null;
  readonly to: CaseStatus;
  readonly actor: string;
  readonly reason: string;
  readonly at: string;
}

/** A case as the API shows it. `summary` and `bill` are the member's words and figures (PHI: never logged). */
export interface CaseView {
  readonly caseId: string;
  readonly memberId: string;
  readonly subscriberId: string;
  readonly relationship: string;
  readonly serviceId: string;
  readonly category: AdvocacyCategory;
  readonly catalogVersion: string;
  readonly queue: CaseQueue;
  readonly routingReason: string;
  readonly channel: IntakeChannel;
  readonly status: CaseStatus;
  readonly resolution: CaseResolution | null;
  readonly summary: string;
  readonly bill: CaseBill | null;
  readonly contactAt: string;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly updatedAt: string;
  readonly closedAt: string | null;
}

/**
 * A case with its history, its bill negotiation (if any), its callback task id and the statuses it may move to
 * next (GET /v1/cases/{id}).
 */
export interface CaseDetail extends CaseView {
  readonly history: readonly CaseHistoryEntry[];
  /** {@link CASE_TRANSITIONS} from the current status: what a client may offer (empty once closed or withdrawn). */
  readonly nextStatuses: readonly CaseStatus[];
  readonly billNegotiation: BillNegotiationView | null;
  readonly callbackTaskId: string | null;
}
