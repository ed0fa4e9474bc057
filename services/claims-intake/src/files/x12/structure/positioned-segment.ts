import type { X12Segment } from '../segments/read-x12-segments';

/** A segment with where it stands: its position in the transaction set (ST = 1) and the loop it belongs to. */
export interface PositionedSegment {
  readonly segment: X12Segment;
  readonly position: number;
  readonly loop: string;
}

/** Element `n` (1-based, as in `CLM01`) of a segment, `''` when absent. */
export function element(segment: X12Segment, position: number): string {
  return segment.elements[position - 1] ?? '';
}

/** The components of a composite element (`HC:99213:25` with `:`), `['']` for an empty element. */
export function components(value: string, separator: string): string[] {
  return value.split(separator);
}

/** The first segment of `segments` with `tag` (and, when given, `qualifier` as its first element). */
export function findSegment(
  segments: readonly PositionedSegment[],
  tag: string,
  qualifier?: string | readonly string[],
): PositionedSegment | undefined {
  return segments.find(
    (entry) =>
      entry.segment.tag === tag &&
      (qualifier === undefined ||
        (typeof qualifier === 'string'
          ? entry.segment.elements[0] === qualifier
          : qualifier.includes(entry.segment.elements[0] ?? ''))),
  );
}
