import { PHI_FIELD_NAMES } from '@care/observability';

/**
 * Keys whose values are protected health information in event payloads: the platform's PHI field names
 * (@care/observability). Whole-record fields (`member`, `claim`, `data`) are descended into instead, so ids stay
 * visible.
 */
export const PHI_KEYS: ReadonlySet<string> = new Set(PHI_FIELD_NAMES);

/** What a masked value is replaced with. */
export const PHI_MASK = '***';

/**
 * A copy of `value` with the value of every PHI key masked, at any depth (objects and arrays), matching keys
 * case-sensitively as they appear in the contracts. Ids (memberId, claimId, NPIs) and codes stay visible.
 */
export function maskPhi(value: unknown, keys: ReadonlySet<string> = PHI_KEYS): unknown {
  if (Array.isArray(value)) return value.map((item) => maskPhi(item, keys));
  if (value === null || typeof value !== 'object') return value;
  const masked: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    masked[key] = keys.has(key) && inner !== null && inner !== undefined ? PHI_MASK : maskPhi(inner, keys);
  }
  return masked;
}

/**
 * A message value as shown to an operator: parsed JSON with the envelope's `data` masked (or left as it is when
 * `reveal`), or the raw text when the value is not JSON (a dead-lettered message may be anything; raw text is
 * shown only when revealed, since it may hold PHI that cannot be located).
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
  if (reveal) return parsed;
  if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed) && 'data' in parsed) {
    const envelope = parsed as Record<string, unknown>;
    return { ...envelope, data: maskPhi(envelope['data']) };
  }
  return maskPhi(parsed);
}
