import type { Hash } from 'node:crypto';
import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { X12Parser, type X12Segment as LibrarySegment } from 'node-x12';
import { readInterchangeHeader, ISA_LENGTH, type InterchangeHeader } from './interchange-header';
import { X12FormatError } from './x12-format.error';

/** One segment of an interchange: its tag and its elements (`elements[0]` is XX01), as the sender wrote them. */
export interface X12Segment {
  readonly tag: string;
  readonly elements: readonly string[];
}

/**
 * Tag given to a segment that cannot be tokenized (no element separator after a 2-3 character tag): the structure
 * readers report it as an unrecognized segment at its position instead of the parser failing on it.
 */
export const UNREADABLE_SEGMENT_TAG = 'UNREADABLE';

/** Longest segment accepted: far above any 5010 segment; a missing terminator must not buffer the whole file. */
const MAX_SEGMENT_CHARACTERS = 1_000_000;
/** Text handed to the X12 parser at a time (whole segments only). */
const PARSER_CHUNK_CHARACTERS = 64 * 1024;
/**
 * node-x12 1.7.1's stream parser drops a written chunk shorter than 113 characters (its minimum document length):
 * every chunk written to it is padded with empty segments (extra terminators, which it skips) up to that length.
 */
const PARSER_MINIMUM_CHUNK = 113;

/**
 * Streams the segments of an X12 interchange in batches (the segments of one chunk of the file at a time), tokenized
 * by node-x12's stream parser (X12Parser as a Transform), without holding more than one chunk of the file. The ISA is
 * read first, from its fixed layout, and gives the separators; `hash`, when given, is fed every byte read (the
 * interchange's content hash). Batches keep the per-segment cost down: the readers above take a batch synchronously.
 *
 * The parser only ever receives whole segments that start with a tag and an element separator, so that its known
 * failure modes cannot occur: a segment without an element separator (which makes it throw) is passed on as
 * {@link UNREADABLE_SEGMENT_TAG}, and short chunks (which it drops) are padded. Throws {@link X12FormatError} when the
 * input does not start with an ISA segment or a segment exceeds MAX_SEGMENT_CHARACTERS.
 */
export async function* readX12SegmentBatches(
  input: Readable,
  hash?: Hash,
  control: ReadingControl = { drain: false },
): AsyncGenerator<readonly X12Segment[], void, undefined> {
  const state: { header?: InterchangeHeader } = {};
  const chunks = guardedChunks(input, state, hash, control);
  // The ISA decides the separators the parser needs: read up to it before the parser exists.
  const first = await chunks.next();
  if (first.done === true || state.header === undefined) {
    throw new X12FormatError('the file is empty: an X12 interchange starts with an ISA segment');
  }
  const header = state.header;
  yield [{ tag: 'ISA', elements: header.elements }];
  const parser = new GuardedX12Parser(header.delimiters);
  // The parser is driven by hand: each chunk written, the segments it pushed ('data', in order) taken as a batch.
  let batch: X12Segment[] = [];
  let failure: Error | undefined;
  parser.on('data', (segment: LibrarySegment) => {
    batch.push({ tag: segment.tag, elements: segment.elements.map((element) => element.value) });
  });
  parser.on('error', (error: Error) => {
    failure = error;
  });
  const take = (): X12Segment[] => {
    if (failure !== undefined) throw failure;
    const taken = batch;
    batch = [];
    return taken;
  };
  const write = (text: string): Promise<void> =>
    new Promise((resolve) => {
      if (!parser.write(text)) parser.once('drain', resolve);
      else resolve();
    });
  if (first.value !== '') {
    await write(first.value);
    yield take();
  }
  for await (const text of chunks) {
    await write(text);
    const taken = take();
    if (taken.length > 0) yield taken;
  }
  await new Promise<void>((resolve, reject) => {
    parser.once('end', resolve);
    parser.once('error', reject);
    parser.end();
    parser.resume();
  });
  const rest = take();
  if (rest.length > 0) yield rest;
}

/** The segments one at a time (tests, and readers that need no speed). */
export async function* readX12Segments(
  input: Readable,
  hash?: Hash,
  control: ReadingControl = { drain: false },
): AsyncGenerator<X12Segment, void, undefined> {
  for await (const batch of readX12SegmentBatches(input, hash, control)) yield* batch;
}

/**
 * Set `drain` to stop parsing: the rest of the input is only read (and hashed), and no further segment comes out
 * beyond those already on their way (an interchange received before is read to its end to compare its hash).
 */
export interface ReadingControl {
  drain: boolean;
}

/** node-x12's parser with the separators set and its per-chunk diagnostics discarded (they only grow). */
class GuardedX12Parser extends X12Parser {
  constructor(delimiters: InterchangeHeader['delimiters']) {
    super(false, 'utf8', {
      elementDelimiter: delimiters.element,
      segmentTerminator: delimiters.segment,
      subElementDelimiter: delimiters.component,
      repetitionDelimiter: delimiters.repetition,
      endOfLine: '',
      format: false,
    });
  }

  override _transform(chunk: unknown, encoding: string, callback: (error?: Error | null) => void): void {
    try {
      super._transform(chunk, encoding, callback);
      this.diagnostics.length = 0;
    } catch (error) {
      callback(
        new X12FormatError(`the X12 parser failed: ${error instanceof Error ? error.message : 'unknown'}`),
      );
    }
  }

  override _flush(callback: (error?: Error | null) => void): void {
    try {
      super._flush(callback);
    } catch (error) {
      callback(
        new X12FormatError(`the X12 parser failed: ${error instanceof Error ? error.message : 'unknown'}`),
      );
    }
  }
}

/**
 * The input as text made of whole segments, without the ISA: `state.header` is set before the first chunk is
 * yielded (the first chunk may be empty).
 */
async function* guardedChunks(
  input: Readable,
  state: { header?: InterchangeHeader },
  hash: Hash | undefined,
  control: ReadingControl,
): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let header: InterchangeHeader | undefined;
  let outgoing = '';
  const take = function* (final: boolean): Generator<string> {
    if (header === undefined) return;
    const terminator = header.delimiters.segment;
    const end = final ? pending.length : pending.lastIndexOf(terminator) + 1;
    if (end <= 0) {
      if (pending.length > MAX_SEGMENT_CHARACTERS) {
        throw new X12FormatError(
          `a segment runs on for more than ${MAX_SEGMENT_CHARACTERS} characters without the segment terminator`,
        );
      }
      return;
    }
    const complete = pending.slice(0, end);
    pending = pending.slice(end);
    for (const raw of complete.split(terminator)) {
      const text = raw.replace(/^\s+/, '').replace(/\r?\n?$/, '');
      if (text === '') continue;
      outgoing += wellFormed(text, header.delimiters.element)
        ? text
        : `${UNREADABLE_SEGMENT_TAG}${header.delimiters.element}`;
      outgoing += terminator;
      if (outgoing.length >= PARSER_CHUNK_CHARACTERS) {
        yield outgoing;
        outgoing = '';
      }
    }
  };
  for await (const chunk of input as AsyncIterable<Buffer | string>) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    hash?.update(bytes);
    if (control.drain) continue;
    pending += decoder.write(bytes);
    if (header === undefined) {
      pending = pending.replace(/^\uFEFF?\s*/, '');
      if (pending.length < ISA_LENGTH) continue;
      header = readInterchangeHeader(pending.slice(0, ISA_LENGTH));
      state.header = header;
      pending = pending.slice(ISA_LENGTH);
      yield '';
    }
    yield* take(false);
  }
  if (control.drain) return;
  pending += decoder.end();
  if (header === undefined) {
    pending = pending.replace(/^\uFEFF?\s*/, '');
    if (pending === '') return;
    // Shorter than an ISA: readInterchangeHeader names what is wrong with it.
    header = readInterchangeHeader(pending);
    state.header = header;
    pending = pending.slice(ISA_LENGTH);
    yield '';
  }
  // An unterminated last segment (a file that ends without the final terminator) is read as a segment.
  if (pending.trim() !== '') pending += header.delimiters.segment;
  yield* take(true);
  if (outgoing !== '') {
    const terminator = header.delimiters.segment;
    while (outgoing.length < PARSER_MINIMUM_CHUNK) outgoing += terminator;
    yield outgoing;
  }
}

/** A tag of 2-3 letters or digits followed by the element separator: what the parser can tokenize. */
function wellFormed(text: string, elementSeparator: string): boolean {
  const separator = text.indexOf(elementSeparator);
  return separator >= 2 && separator <= 3 && /^[A-Z0-9]+$/.test(text.slice(0, separator));
}
