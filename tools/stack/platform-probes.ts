import { DEV_CLIENT_SECRET, requestClientToken } from '@care/auth';
import type { Client } from 'pg';

/**
 * The `authorization` header of the development `claims-feed` client (a claims system: claims:write,
 * eligibility:write), fetched with the client-credentials grant as a real client would, and fetched again once it is
 * five minutes old (the provider's tokens live longer), for tools that feed a running stack for a long time.
 */
export function claimsFeedAuthorization(issuer: string): () => Promise<string> {
  let token: { value: string; at: number } | undefined;
  return async () => {
    if (token === undefined || Date.now() - token.at > 300_000) {
      const value = await requestClientToken({
        issuer,
        clientId: 'claims-feed',
        clientSecret: DEV_CLIENT_SECRET,
        scopes: ['claims:write', 'eligibility:write'],
      });
      token = { value, at: Date.now() };
    }
    return `Bearer ${token.value}`;
  };
}

/** Rows waiting in each service's outbox, by schema (every schema holding an `outbox` table). */
export async function outboxRowsBySchema(client: Client): Promise<Record<string, number>> {
  const schemas = await client.query<{ schema: string }>(
    `SELECT table_schema AS schema FROM information_schema.tables WHERE table_name = 'outbox'`,
  );
  const rows: Record<string, number> = {};
  for (const { schema } of schemas.rows) {
    const result = await client.query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".outbox`);
    rows[schema] = Number(result.rows[0]?.n ?? 0);
  }
  return rows;
}
