/**
 * Example responses for the OpenAPI document (ids and words invented; no real person). Each endpoint's success
 * response points at one of these, and every error response at {@link errorExample}.
 */
const AT = '2026-11-24T15:00:00.000Z';

export const TASK_EXAMPLE = {
  taskId: '0b7f6f0e-5d0c-4a39-9a57-2f3a3c0f1d11',
  kind: 'screening-follow-up',
  causeId: 'S-7c1e4b',
  memberId: 'M-100234',
  queue: 'coaching',
  priority: 'urgent',
  dueAt: '2026-11-24T19:00:00.000Z',
  status: 'assigned',
  assignee: 'coach-ana',
  assignedAt: AT,
  availableAt: '2026-11-24T14:10:00.000Z',
  snoozeReason: null,
  outcome: null,
  cancelReason: null,
  details: { instrument: 'PHQ-9', score: 16, safetyFlag: true },
  createdAt: '2026-11-24T14:10:00.000Z',
  updatedAt: AT,
  closedAt: null,
};

export const TASK_DETAIL_EXAMPLE = {
  ...TASK_EXAMPLE,
  notes: [{ noteId: '7d3c1a52-2f5e-4c1b-8d0e-1b2c3d4e5f60', taskId: TASK_EXAMPLE.taskId, author: 'coach-ana', text: 'Left a voicemail.', createdAt: AT }],
  history: [
    { action: 'created', actor: 'system', detail: {}, at: '2026-11-24T14:10:00.000Z' },
    { action: 'assigned', actor: 'coach-ana', detail: { via: 'next' }, at: AT },
  ],
};

export const CASE_EXAMPLE = {
  caseId: 'C-2026-000142',
  memberId: 'M-100235',
  subscriberId: 'M-100234',
  relationship: 'spouse',
  serviceId: 'second-opinion',
  category: 'clinical',
  catalogVersion: 'advocacy-2026.1',
  queue: 'health-plan',
  routingReason: 'clinical request for a member whose medical plan the health plan administers',
  channel: 'phone',
  status: 'open',
  resolution: null,
  summary: 'Wants a second opinion before knee surgery.',
  bill: null,
  contactAt: '2026-11-24T23:30:00.000Z',
  openedBy: 'advocate-cruz',
  openedAt: '2026-11-24T23:31:00.000Z',
  updatedAt: '2026-11-24T23:31:00.000Z',
  closedAt: null,
};

export const NEGOTIATION_EXAMPLE = {
  billedAmount: 1250,
  negotiatedAmount: 800,
  savings: 450,
  paymentTerms: 'Four monthly payments of $200, interest free',
  writtenSummary: 'Valley Orthopedics accepted $800 for the 2 October visit.',
  providerSignOff: { signedBy: 'Billing manager, Valley Orthopedics', signedAt: '2026-11-20T16:00:00.000Z', documentId: 'DOC-88412' },
  recordedBy: 'advocate-cruz',
  recordedAt: AT,
};

export const CASE_DETAIL_EXAMPLE = {
  ...CASE_EXAMPLE,
  history: [{ from: null, to: 'open', actor: 'advocate-cruz', reason: CASE_EXAMPLE.routingReason, at: CASE_EXAMPLE.openedAt }],
  nextStatuses: ['in-progress', 'withdrawn'],
  billNegotiation: null,
  callbackTaskId: '5a1d1c2e-8b7f-4e0a-9c3d-6f5e4d3c2b1a',
};

export const ENROLLMENT_EXAMPLE = {
  memberId: 'M-100234',
  programId: 'chronic-condition-management',
  status: 'enrolled',
  source: 'outreach',
  changedBy: 'coach-ana',
  changedAt: AT,
};

export const QUEUE_STATS_EXAMPLE = {
  asOf: AT,
  queues: [
    {
      queue: 'coaching',
      depth: 42,
      depthByPriority: { urgent: 1, high: 6, routine: 35 },
      available: 40,
      assigned: 9,
      oldestWaitingSeconds: 86_400,
      oldestDueAt: '2026-11-24T21:00:00.000Z',
      slaBreaches: 3,
    },
  ],
  coaches: [{ coach: 'coach-ana', queue: 'coaching', assigned: 4, slaBreaches: 1, oldestAssignedSeconds: 5_400 }],
};

/** GET /v1/queues/mine: the caller's queues and what they hold. */
export const WORKER_QUEUES_EXAMPLE = { asOf: AT, queues: QUEUE_STATS_EXAMPLE.queues, heldByCaller: 2 };

/** The body of an error answer with a code. */
export const errorExample = (status: number, error: string, code: string, message: string) => ({ statusCode: status, error, code, message });

export const VALIDATION_EXAMPLE = {
  statusCode: 400,
  error: 'Bad Request',
  message: 'validation failed',
  issues: [{ field: 'serviceId', messages: ['serviceId must be one of the following values: explain-care, …'] }],
};

/** The 403 of an endpoint that checks the queue of what it touches (besides the role check of every endpoint). */
export const queueForbidden = (resource: 'task' | 'case') => ({
  description: `role-forbidden: the token has none of the roles this endpoint allows; queue-forbidden: a coach or advocate whose token does not name the queue of this ${resource} (refused reads are audited)`,
  example: errorExample(403, 'Forbidden', 'queue-forbidden', `${resource} C-2026-000142 is in queue health-plan, which is not one of yours`),
});
