/** The shapes the services answer with, as far as the console shows them. */
export interface Task {
  readonly taskId: string;
  readonly kind: string;
  readonly causeId: string;
  readonly memberId: string;
  readonly queue: string;
  readonly priority: 'urgent' | 'high' | 'routine';
  readonly dueAt: string;
  readonly status: string;
  readonly assignee: string | null;
  readonly outcome: string | null;
  readonly details: Record<string, unknown>;
  readonly createdAt: string;
}

export interface QueueCount {
  readonly queue: string;
  readonly depth: number;
  readonly depthByPriority: { urgent: number; high: number; routine: number };
  readonly available: number;
  readonly assigned: number;
  readonly oldestWaitingSeconds: number | null;
  readonly oldestDueAt?: string | null;
  readonly slaBreaches: number;
}
export interface QueueCounts {
  readonly asOf: string;
  readonly queues: readonly QueueCount[];
  readonly heldByCaller: number;
}
export interface QueueStats {
  readonly asOf: string;
  readonly queues: readonly QueueCount[];
  readonly coaches: ReadonlyArray<{
    coach: string;
    queue: string;
    assigned: number;
    slaBreaches: number;
    oldestAssignedSeconds: number;
  }>;
}

export type Section<T> = { ok: true; data: T } | { ok: false; status: number; error: unknown };

/** Members claims-intake's roster search found (`GET /api/members`), at most 20. */
export interface MemberSearchResult {
  readonly members: ReadonlyArray<{
    memberId: string;
    firstName: string;
    lastName: string;
    birthDate: string;
    relationship: string;
    subscriberId: string;
    deceased: boolean;
  }>;
  /** Others match too: narrow by first name. */
  readonly more: boolean;
}

export interface MemberRecordView {
  readonly member: {
    memberId: string;
    subscriberId: string;
    relationship: string;
    firstName: string;
    lastName: string;
    birthDate: string;
    sex: string;
    email?: string;
    phone?: string;
    contactPreferences: Record<string, unknown>;
    planType?: string;
    optOuts?: string[];
    attributedPcp?: { npi: string; name?: string };
  };
  readonly household: ReadonlyArray<{
    memberId: string;
    relationship: string;
    firstName: string;
    lastName: string;
  }>;
}
export interface ConditionView {
  readonly conditionId: string;
  readonly name: string;
  readonly ruleId: string;
  readonly ruleVersion: string;
  readonly status: string;
  readonly identification: {
    identifiedAt: string;
    firstMetOn: string;
    evidence: unknown;
    basis: string;
  } | null;
  readonly evaluation: { evidence: unknown };
}
export interface GapView {
  readonly gapId: string;
  readonly ruleId: string;
  readonly ruleVersion: string;
  readonly status: 'open' | 'closed';
  readonly reason: string;
  readonly openedOn: string;
  readonly closedAt: string | null;
  readonly closeReason: string | null;
  readonly closingClaimIds: readonly string[];
}
export interface ScreeningSummary {
  readonly screeningId: string;
  readonly instrument: string;
  readonly total: number;
  readonly severity?: string;
  readonly positive: boolean;
  readonly safetyFlag: boolean;
  readonly completedAt: string;
}
export interface ScreeningHistory {
  readonly screenings: readonly ScreeningSummary[];
  readonly trends: ReadonlyArray<{
    instrument: string;
    series: ReadonlyArray<{ screeningId: string; total: number; completedAt: string }>;
  }>;
}
/** A note on one of the member's tasks (closed ones too), newest first. */
export interface MemberNote {
  readonly noteId: string;
  readonly taskId: string;
  readonly taskKind: string;
  readonly taskStatus: string;
  readonly author: string;
  readonly text: string;
  readonly createdAt: string;
}

export interface MemberView {
  readonly memberId: string;
  readonly sections: {
    member: Section<MemberRecordView>;
    conditions: Section<{ conditions: readonly ConditionView[] }>;
    gaps: Section<{ gaps: readonly GapView[] }>;
    screenings: Section<ScreeningHistory>;
    surveyVisits: Section<unknown>;
    cases: Section<
      ReadonlyArray<{
        caseId: string;
        category: string;
        status: string;
        openedAt: string;
        subjectMemberId?: string;
      }>
    >;
    tasks: Section<readonly Task[]>;
    enrollment: Section<unknown>;
    notes: Section<readonly MemberNote[]>;
  };
}

export interface InstrumentDefinition {
  readonly id: 'phq-9' | 'audit-c';
  readonly title: string;
  readonly items: ReadonlyArray<{
    number: number;
    text: string;
    answers: ReadonlyArray<{ value: number; display: string }>;
  }>;
}

export interface AdvocacyCatalog {
  readonly services: ReadonlyArray<{ id: string; category: string; name: string; routing: string }>;
  readonly eligibleRelationships: readonly string[];
  readonly billNegotiationThreshold: number;
}

export interface CaseDetail {
  readonly caseId: string;
  readonly memberId: string;
  readonly relationship: string;
  readonly serviceId: string;
  readonly category: string;
  readonly queue: string;
  readonly routingReason: string;
  readonly channel: string;
  readonly status: string;
  readonly resolution: string | null;
  readonly summary: string;
  readonly bill: {
    amount: number;
    coveredByPlan: boolean;
    inNetworkProvider: boolean;
    providerNpi?: string;
  } | null;
  readonly openedBy: string;
  readonly openedAt: string;
  readonly history: ReadonlyArray<{
    from: string | null;
    to: string;
    actor: string;
    reason: string;
    at: string;
  }>;
  readonly nextStatuses: readonly string[];
  readonly billNegotiation: {
    billedAmount: number;
    negotiatedAmount: number;
    savings: number;
    paymentTerms: string;
    providerSignOff: { signedBy: string; signedAt: string; documentId: string };
    recordedBy: string;
    recordedAt: string;
  } | null;
}

export interface GapRuleSummary {
  readonly ruleId: string;
  readonly version: string;
  readonly name: string;
  readonly closedBy: string;
}
