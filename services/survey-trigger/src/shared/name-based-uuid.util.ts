import { createHash } from 'node:crypto';

/** RFC 4122 namespace for URLs (and URNs): 6ba7b811-9dad-11d1-80b4-00c04fd430c8. */
export const URL_NAMESPACE = '6ba7b811-9dad-11d1-80b4-00c04fd430c8';

/**
 * A name-based UUID, version 5 (RFC 4122 section 4.3): SHA-1 of the namespace's 16 bytes followed by the name in
 * UTF-8, truncated to 16 bytes, with the version and variant bits set. The same name always gives the same UUID.
 */
export function nameBasedUuid(name: string, namespace: string = URL_NAMESPACE): string {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest()
    .subarray(0, 16);
  hash[6] = ((hash[6] ?? 0) & 0x0f) | 0x50;
  hash[8] = ((hash[8] ?? 0) & 0x3f) | 0x80;
  const hex = hash.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The id of a visit (and of its survey): a version-5 UUID of `urn:care-platform:survey-visit:<visit key>`. */
export function visitIdOf(visitKey: string): string {
  return nameBasedUuid(`urn:care-platform:survey-visit:${visitKey}`);
}
