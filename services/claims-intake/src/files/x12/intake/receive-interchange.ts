import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { InterchangeIdentity } from '../acknowledgment/acknowledgment.types';
import { build999 } from '../acknowledgment/build-999';
import { readX12SegmentBatches, type ReadingControl, type X12Segment } from '../segments/read-x12-segments';
import type { InterchangeKey, X12InterchangeRepository } from './x12-interchange.repository';

/** The part of every X12 upload's answer that says what became of the interchange. */
export interface InterchangeOutcome {
  readonly sender: string;
  readonly receiver: string;
  readonly controlNumber: string;
  readonly status: 'accepted' | 'accepted-with-errors' | 'partially-accepted' | 'rejected';
  /** True when this interchange was received before with the same content: the first answer, nothing done again. */
  readonly repeated: boolean;
}

/** An X12 upload's answer: the interchange's outcome and the acknowledgment text, with the rest of the summary. */
export interface X12Answer {
  readonly interchange: InterchangeOutcome;
  readonly acknowledgment: string;
}

/** The interchange's control number was received before with other content: refused (HTTP 409), nothing done. */
export class X12InterchangeReusedError extends Error {
  /** The TA1 that refuses it (note code 025, duplicate interchange control number). */
  readonly acknowledgment: string;

  constructor(
    readonly key: InterchangeKey,
    identity: InterchangeIdentity,
  ) {
    super(
      `interchange ${key.controlNumber} from ${key.sender} to ${key.receiver} was already received with different ` +
        'content: send new content under a new interchange control number (ISA13)',
    );
    this.name = 'X12InterchangeReusedError';
    this.acknowledgment = build999(
      { interchange: identity, code: 'R', problems: [{ code: '025', message: this.message }], groups: [] },
      new Date(),
    );
  }
}

/** Another upload is reading the same interchange right now (HTTP 409): retry once it has answered. */
export class X12InterchangeBusyError extends Error {
  constructor(readonly key: InterchangeKey) {
    super(
      `interchange ${key.controlNumber} from ${key.sender} to ${key.receiver} is being received by another upload: ` +
        'send it again once that one has been answered',
    );
    this.name = 'X12InterchangeBusyError';
  }
}

/** What an importer is told when the ISA has been read: read the interchange, or only read it to its end. */
export type Admission = 'process' | 'drain';

/** The importer of one kind of interchange: reads the segments, admitting the interchange when its ISA is read. */
export type InterchangeImporter<A extends X12Answer> = (
  segments: AsyncIterable<readonly X12Segment[]>,
  admit: (identity: InterchangeIdentity, readable: boolean) => Promise<Admission>,
  progress: () => Promise<void>,
) => Promise<{ readonly answer: A; readonly complete: boolean }>;

export function interchangeKeyOf(identity: InterchangeIdentity): InterchangeKey {
  return {
    sender: `${identity.senderQualifier}:${identity.senderId}`,
    receiver: `${identity.receiverQualifier}:${identity.receiverId}`,
    controlNumber: identity.controlNumber,
  };
}

/**
 * Receives one X12 upload idempotently (docs/adr/0016): the interchange is recognized by sender, receiver and ISA13.
 * New: the importer reads it, and once read to its IEA its content hash (SHA-256 of the bytes) and answer are
 * recorded. Received before: the upload is only read to its end; the same bytes get the first answer again
 * (`repeated`), other bytes are refused with {@link X12InterchangeReusedError}. Being received by another upload:
 * {@link X12InterchangeBusyError}. An interchange that fails or ends before its IEA is not recorded, so it may be
 * sent again (whatever of it was taken is then found duplicate).
 */
export async function receiveInterchange<A extends X12Answer>(
  input: Readable,
  ledger: Pick<X12InterchangeRepository, 'begin' | 'renew' | 'complete' | 'release'>,
  transaction: '837' | '834',
  importer: InterchangeImporter<A>,
): Promise<A> {
  const hash = createHash('sha256');
  const control: ReadingControl = { drain: false };
  let admission:
    | { kind: 'process'; key: InterchangeKey; owner: string }
    | {
        kind: 'drain';
        key: InterchangeKey;
        identity: InterchangeIdentity;
        contentHash: string;
        answer: unknown;
      }
    | undefined;
  const admit = async (identity: InterchangeIdentity, readable: boolean): Promise<Admission> => {
    if (!readable) return 'process';
    const key = interchangeKeyOf(identity);
    const beginning = await ledger.begin(key, transaction);
    if (beginning.kind === 'receiving') throw new X12InterchangeBusyError(key);
    if (beginning.kind === 'received') {
      admission = {
        kind: 'drain',
        key,
        identity,
        contentHash: beginning.contentHash,
        answer: beginning.answer,
      };
      control.drain = true;
      return 'drain';
    }
    admission = { kind: 'process', key, owner: beginning.owner };
    return 'process';
  };
  const progress = async (): Promise<void> => {
    if (admission?.kind === 'process') await ledger.renew(admission.key, admission.owner);
  };
  try {
    const { answer, complete } = await importer(readX12SegmentBatches(input, hash, control), admit, progress);
    const admitted = admission;
    if (admitted?.kind === 'drain') {
      if (hash.digest('hex') !== admitted.contentHash) {
        throw new X12InterchangeReusedError(admitted.key, admitted.identity);
      }
      const first = admitted.answer as A;
      return { ...first, interchange: { ...first.interchange, repeated: true } };
    }
    if (admitted?.kind === 'process') {
      if (complete) await ledger.complete(admitted.key, admitted.owner, hash.digest('hex'), answer);
      else await ledger.release(admitted.key, admitted.owner);
    }
    return answer;
  } catch (error) {
    const admitted = admission;
    if (admitted?.kind === 'process')
      await ledger.release(admitted.key, admitted.owner).catch(() => undefined);
    throw error;
  }
}
