import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { aValidProfessionalClaim } from '@care/contracts';
import { interchange837Text, type X12Separators } from '../testing/x12-837.builder';
import { readX12Segments, UNREADABLE_SEGMENT_TAG, type X12Segment } from './read-x12-segments';
import { X12FormatError } from './x12-format.error';

const claim = aValidProfessionalClaim({ adjudicationStatus: 'pending', totalPaidAmount: undefined });

async function segmentsOf(chunks: readonly string[]): Promise<X12Segment[]> {
  const segments: X12Segment[] = [];
  for await (const segment of readX12Segments(Readable.from(chunks.map((chunk) => Buffer.from(chunk))))) {
    segments.push(segment);
  }
  return segments;
}

/** Reads an iterable to its end. */
async function drain(items: AsyncIterable<unknown>): Promise<number> {
  let count = 0;
  for await (const item of items) if (item !== undefined) count += 1;
  return count;
}

/** `text` cut into pieces of `size` characters, as a network may deliver it. */
function cut(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let start = 0; start < text.length; start += size) pieces.push(text.slice(start, start + size));
  return pieces;
}

const file = (separators?: X12Separators): string =>
  interchange837Text([{ kind: 'professional', claims: [{ claim }] }], {
    controlNumber: 42,
    ...(separators === undefined ? {} : { separators }),
  });

describe('reading the segments of an X12 interchange (node-x12 stream parser)', () => {
  it('reads every segment with its elements, the ISA from its fixed layout', async () => {
    const segments = await segmentsOf([file()]);
    expect(segments.map((segment) => segment.tag).slice(0, 4)).toEqual(['ISA', 'GS', 'ST', 'BHT']);
    // node-x12 gives IEA02 as a number (the envelope compares it with ISA13 as one).
    expect(segments.at(-1)).toEqual({ tag: 'IEA', elements: ['1', '42'] });
    expect(segments[0]?.elements[12]).toBe('000000042');
    expect(segments[0]?.elements[5]).toBe('CLEARINGHOUSE01');
    expect(segments.find((segment) => segment.tag === 'SV1')?.elements[0]).toBe('HC:99213:25');
    expect(segments).toHaveLength(file().split('~').length - 1);
  });

  it.each([1, 7, 112, 113, 500])(
    'reads the same segments whatever the chunk size (%i characters)',
    async (size) => {
      // node-x12 drops a chunk shorter than 113 characters: the reader hands it whole segments, padded.
      expect(await segmentsOf(cut(file(), size))).toEqual(await segmentsOf([file()]));
    },
  );

  it('takes the separators the ISA declares, without line breaks', async () => {
    const separators: X12Separators = {
      element: '|',
      component: '>',
      repetition: '^',
      segment: '!',
      lineBreak: '',
    };
    const segments = await segmentsOf(cut(file(separators), 64));
    expect(segments.map((segment) => segment.tag)).toEqual(
      (await segmentsOf([file()])).map((segment) => segment.tag),
    );
    expect(segments.find((segment) => segment.tag === 'SV1')?.elements[0]).toBe('HC>99213>25');
  });

  it('passes a segment without an element separator on as unreadable instead of failing', async () => {
    const text = file().replace('BHT*', 'GARBAGE~\nBHT*');
    const tags = (await segmentsOf([text])).map((segment) => segment.tag);
    expect(tags.slice(0, 5)).toEqual(['ISA', 'GS', 'ST', UNREADABLE_SEGMENT_TAG, 'BHT']);
  });

  it('reads a last segment that has no terminator', async () => {
    const segments = await segmentsOf([file().replace(/~\n$/, '')]);
    expect(segments.at(-1)).toEqual({ tag: 'IEA', elements: ['1', '42'] });
  });

  it('feeds every byte read to the hash', async () => {
    const hash = createHash('sha256');
    await drain(readX12Segments(Readable.from(cut(file(), 100).map((chunk) => Buffer.from(chunk))), hash));
    expect(hash.digest('hex')).toBe(createHash('sha256').update(file()).digest('hex'));
  });

  it.each([
    ['an empty file', '', 'the file is empty: an X12 interchange starts with an ISA segment'],
    [
      'a CSV file',
      'claim_id,version\n',
      'the file is not an X12 interchange: it does not start with an ISA segment',
    ],
    ['a short ISA', 'ISA*00*', 'the ISA segment is 7 characters long; it must be 106 with its terminator'],
    [
      'letters as separators',
      file()
        .replace(/^ISA\*/, 'ISAA')
        .replace(/\*/g, 'A'),
      'the ISA declares a letter, digit or space as its element separator',
    ],
  ])('refuses %s, saying why', async (_name, text, message) => {
    await expect(segmentsOf([text])).rejects.toThrow(new X12FormatError(message));
  });

  it('refuses a segment that never ends instead of holding the file', async () => {
    const isa = file().slice(0, 107);
    const endless = function* (): Generator<Buffer> {
      yield Buffer.from(isa);
      for (let index = 0; index < 200; index += 1) yield Buffer.from('X'.repeat(10_000));
    };
    await expect(drain(readX12Segments(Readable.from(endless())))).rejects.toThrow(
      /without the segment terminator/,
    );
  });
});
