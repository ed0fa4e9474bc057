import { PHI_FIELD_NAMES } from '@care/observability';

/**
 * Keys whose whole value is protected health information (@care/observability's PHI field names): masked as one
 * value, so not even the length of a list of diagnoses or claim lines shows.
 */
export const PHI_KEYS: ReadonlySet<string> = new Set(PHI_FIELD_NAMES);

/**
 * The event envelope's fields (libs/contracts EventEnvelope), shown at the top level of a message only: the event id
 * and type, schema version, source, the time of the fact, correlation and causation ids, and the subject (a member id
 * or another aggregate's id). Deeper down, `id`, `type` or `source` may be clinical (a closing criterion's id) and
 * are masked like any other field.
 */
export const ENVELOPE_KEYS: ReadonlySet<string> = new Set([
  'id',
  'type',
  'version',
  'occurredAt',
  'source',
  'subject',
  'correlationId',
  'causationId',
]);

/**
 * The only keys whose values an operator sees, at any depth, without a reveal: the ids of members, claims and the
 * platform's own records (screenings, identifications, gaps, cases, tasks, surveys, alerts, requests), rule and
 * code-set versions, and the instants the platform received or recorded something. Member and claim ids stay visible
 * on purpose: they are what an operator needs to find the fault and replay it, and the platform's logs carry them too
 * (CONTRIBUTING.md). Everything else is masked: names, dates of care, codes, condition and gap names and ids
 * (`conditionId: 'diabetes'` names the condition), providers' NPIs (who treats a member says what for), screening
 * instruments, totals, severities, results and safety flags, free-text reasons.
 */
export const STRUCTURAL_KEYS: ReadonlySet<string> = new Set([
  'eventId',
  'memberId',
  'subscriberId',
  'claimId',
  'claimVersion',
  'evidenceClaimIds',
  'closingClaimIds',
  'screeningId',
  'previousScreeningId',
  'identificationId',
  'gapId',
  'caseId',
  'taskId',
  'surveyId',
  'alertId',
  'requestId',
  'assessmentId',
  'ruleVersion',
  'instrumentVersion',
  'codeSetVersion',
  'catalogVersion',
  'receivedAt',
  'recordedAt',
  'issuedAt',
]);

/** What a masked value is replaced with. */
export const PHI_MASK = '***';

const maskUnder = (value: unknown, key: string | undefined, visible: ReadonlySet<string>): unknown => {
  if (value === null || value === undefined) return value;
  if (key !== undefined && PHI_KEYS.has(key)) return PHI_MASK;
  // A list takes the key it is under: the claim ids of `closingClaimIds` show, the codes of `diagnoses` do not.
  if (Array.isArray(value)) return value.map((item) => maskUnder(item, key, visible));
  if (typeof value === 'object') {
    const masked: Record<string, unknown> = {};
    for (const [inner, innerValue] of Object.entries(value))
      masked[inner] = maskUnder(innerValue, inner, STRUCTURAL_KEYS);
    return masked;
  }
  return key !== undefined && visible.has(key) ? value : PHI_MASK;
};

const TOP_LEVEL_KEYS: ReadonlySet<string> = new Set([...ENVELOPE_KEYS, ...STRUCTURAL_KEYS]);

/**
 * A copy of `value` masked deny-by-default: objects and lists keep their shape and their keys (the contracts' field
 * names; no contract keys a map by member data), every string, number and boolean is replaced by {@link PHI_MASK}
 * unless its key is one of the {@link STRUCTURAL_KEYS} (or, at the top level, the {@link ENVELOPE_KEYS}), and a
 * {@link PHI_KEYS} value is masked whole. null stays null. A field a contract gains is therefore masked until someone
 * decides it is structural and adds it here.
 */
export function maskPhi(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return maskUnder(value, undefined, STRUCTURAL_KEYS);
  const masked: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) masked[key] = maskUnder(inner, key, TOP_LEVEL_KEYS);
  return masked;
}

/**
 * A message value as shown to an operator: parsed JSON masked by {@link maskPhi} (an event envelope keeps its
 * structural fields, its `data` only ids and versions), or left as it is when `reveal`; or the raw text when the
 * value is not JSON (a dead-lettered message may be anything; raw text is shown only when revealed, since it may
 * hold PHI that cannot be located).
 */
export function presentPayload(value: Buffer | string | null, reveal: boolean): unknown {
  if (value === null) return null;
  const text = typeof value === 'string' ? value : value.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return reveal ? text : `<${Buffer.byteLength(text)} bytes, not JSON; use --reveal to show>`;
  }
  return reveal ? parsed : maskPhi(parsed);
}
