import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** An interchange is known by its sender, its receiver (ISA05:ISA06, ISA07:ISA08) and ISA13. */
export interface InterchangeKey {
  readonly sender: string;
  readonly receiver: string;
  readonly controlNumber: string;
}

/** What the ledger says when an upload of an interchange begins. */
export type InterchangeBeginning =
  | { readonly kind: 'new'; readonly owner: string }
  | { readonly kind: 'received'; readonly contentHash: string; readonly answer: unknown }
  | { readonly kind: 'receiving' };

/** How long an upload holds an interchange without showing progress before another upload may take it over. */
export const INTERCHANGE_LEASE_SECONDS = 120;

/**
 * The interchanges received (claims_intake.x12_interchanges): one row per interchange key, `receiving` while an
 * upload reads it (owned by that upload, with a lease it renews), `received` with the content hash and the answer
 * once it was read to its IEA. A failed upload removes its row, so the same interchange may be sent again.
 */
export class X12InterchangeRepository {
  constructor(private readonly dataSource: DataSource) {}

  async begin(key: InterchangeKey, transaction: string): Promise<InterchangeBeginning> {
    const owner = randomUUID();
    const taken = await this.dataSource.query<Array<{ owner: string }>>(
      `INSERT INTO x12_interchanges (sender, receiver, control_number, transaction, status, owner, lease_until)
       VALUES ($1, $2, $3, $4, 'receiving', $5, now() + make_interval(secs => $6))
       ON CONFLICT (sender, receiver, control_number) DO UPDATE
         SET owner = EXCLUDED.owner, lease_until = EXCLUDED.lease_until, transaction = EXCLUDED.transaction,
             received_at = now()
         WHERE x12_interchanges.status = 'receiving' AND x12_interchanges.lease_until < now()
       RETURNING owner`,
      [key.sender, key.receiver, key.controlNumber, transaction, owner, INTERCHANGE_LEASE_SECONDS],
    );
    if (taken.length > 0) return { kind: 'new', owner };
    const [row] = await this.dataSource.query<
      Array<{ status: string; content_hash: string | null; answer: unknown }>
    >(
      `SELECT status, content_hash, answer FROM x12_interchanges
        WHERE sender = $1 AND receiver = $2 AND control_number = $3`,
      [key.sender, key.receiver, key.controlNumber],
    );
    if (row?.status === 'received' && row.content_hash !== null) {
      return { kind: 'received', contentHash: row.content_hash, answer: row.answer };
    }
    return { kind: 'receiving' };
  }

  async renew(key: InterchangeKey, owner: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE x12_interchanges SET lease_until = now() + make_interval(secs => $5)
        WHERE sender = $1 AND receiver = $2 AND control_number = $3 AND owner = $4 AND status = 'receiving'`,
      [key.sender, key.receiver, key.controlNumber, owner, INTERCHANGE_LEASE_SECONDS],
    );
  }

  async complete(key: InterchangeKey, owner: string, contentHash: string, answer: unknown): Promise<void> {
    await this.dataSource.query(
      `UPDATE x12_interchanges SET status = 'received', content_hash = $5, answer = $6, completed_at = now()
        WHERE sender = $1 AND receiver = $2 AND control_number = $3 AND owner = $4`,
      [key.sender, key.receiver, key.controlNumber, owner, contentHash, JSON.stringify(answer)],
    );
  }

  async release(key: InterchangeKey, owner: string): Promise<void> {
    await this.dataSource.query(
      `DELETE FROM x12_interchanges
        WHERE sender = $1 AND receiver = $2 AND control_number = $3 AND owner = $4 AND status = 'receiving'`,
      [key.sender, key.receiver, key.controlNumber, owner],
    );
  }
}
