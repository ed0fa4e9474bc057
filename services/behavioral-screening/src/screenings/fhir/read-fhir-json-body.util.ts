import type { Request } from 'express';

/** Largest FHIR body read (a QuestionnaireResponse of these instruments is a few kilobytes). */
export const FHIR_BODY_LIMIT_BYTES = 1_000_000;

/**
 * The JSON body of a FHIR request: already parsed for `application/json`; read and parsed here for
 * `application/fhir+json` (the FHIR media type, which the platform's JSON parser does not handle).
 * Returns a reason instead for another content type, a body over the limit or invalid JSON.
 */
export async function readFhirJsonBody(
  request: Request,
): Promise<{ readonly ok: true; readonly body: unknown } | { readonly ok: false; readonly reason: string }> {
  const type = (request.headers['content-type'] ?? '').toLowerCase();
  if (type.startsWith('application/json')) return { ok: true, body: request.body as unknown };
  if (!type.startsWith('application/fhir+json')) {
    return { ok: false, reason: 'send the QuestionnaireResponse as application/fhir+json or application/json' };
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer | string>) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    size += buffer.length;
    if (size > FHIR_BODY_LIMIT_BYTES) return { ok: false, reason: `the body is larger than ${FHIR_BODY_LIMIT_BYTES} bytes` };
    chunks.push(buffer);
  }
  try {
    return { ok: true, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown };
  } catch {
    return { ok: false, reason: 'the body is not valid JSON' };
  }
}
