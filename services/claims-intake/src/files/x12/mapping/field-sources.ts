import type { ValidationIssue } from '@care/contracts';
import type { ElementErrorCode, SegmentError } from '../acknowledgment/acknowledgment.types';
import type { PositionedSegment } from '../structure/positioned-segment';

/** Where a field of a mapped record came from: a segment, and the element (and component) in it. */
export interface FieldSource {
  readonly tag: string;
  readonly position: number;
  readonly loop: string;
  /** 1-based element position (CLM05 is 5); 0 for the segment as a whole. */
  readonly element: number;
  readonly component?: number;
  /** X12 data element reference number (IK402), when known. */
  readonly reference?: string;
  /** The element was empty in the file. */
  readonly empty?: boolean;
}

/** A problem the mapping itself found (an ICD-9 qualifier, a code the platform does not take), on a field. */
export interface MappingIssue {
  readonly field: string;
  readonly message: string;
  readonly source: FieldSource;
  readonly code: ElementErrorCode;
}

/** The source of an element of a positioned segment. */
export function sourceOf(
  entry: PositionedSegment,
  elementPosition: number,
  options: { component?: number; reference?: string } = {},
): FieldSource {
  const elementValue = entry.segment.elements[elementPosition - 1] ?? '';
  return {
    tag: entry.segment.tag,
    position: entry.position,
    loop: entry.loop,
    element: elementPosition,
    ...(options.component === undefined ? {} : { component: options.component }),
    ...(options.reference === undefined ? {} : { reference: options.reference }),
    ...(elementValue === '' ? { empty: true } : {}),
  };
}

/** How a source is named in a reason: `SV104 at segment 21`, `HI01-2 at segment 12`, `NM1 at segment 7`. */
export function describeSource(source: FieldSource): string {
  if (source.element === 0) return `${source.tag} at segment ${source.position}`;
  const name = `${source.tag}${String(source.element).padStart(2, '0')}${source.component === undefined ? '' : `-${source.component}`}`;
  return `${name} at segment ${source.position}`;
}

/**
 * The source of a field path (`lines[1].units`): the path itself, else its nearest parent that has one
 * (`lines[1]`, then `lines`), else `fallback`.
 */
export function sourceOfField(
  sources: ReadonlyMap<string, FieldSource>,
  field: string,
  fallback: FieldSource,
): FieldSource {
  for (let path = field; path !== ''; path = parentPath(path)) {
    const found = sources.get(path);
    if (found !== undefined) return found;
  }
  return fallback;
}

function parentPath(path: string): string {
  const cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
  return cut <= 0 ? '' : path.slice(0, cut);
}

/**
 * The rejection of one record in words and as 999 segment errors: each field named with the segment and element
 * it came from and what is wrong (`lines[0].units (SV104 at segment 21): lines[0].units must be a positive number`),
 * fields separated by ` | `. Never contains the rejected values.
 */
export function describeRejection(
  issues: ReadonlyArray<{
    field: string;
    messages: readonly string[];
    source: FieldSource;
    code?: ElementErrorCode;
  }>,
  claimId?: string,
): { reason: string; segmentErrors: SegmentError[] } {
  const reason = issues
    .map((issue) => `${issue.field} (${describeSource(issue.source)}): ${issue.messages.join('; ')}`)
    .join(' | ');
  const bySegment = new Map<string, SegmentError & { elements: SegmentError['elements'][number][] }>();
  for (const issue of issues) {
    const { source } = issue;
    const key = `${source.position}`;
    const known =
      bySegment.get(key) ??
      ({
        tag: source.tag,
        position: source.position,
        loop: source.loop,
        code: '8',
        ...(claimId === undefined ? {} : { claimId }),
        elements: [],
        message: '',
      } satisfies SegmentError);
    bySegment.set(key, known);
    if (source.element > 0) {
      const code = issue.code ?? (source.empty === true ? '1' : /date/i.test(issue.field) ? '8' : '7');
      if (
        !known.elements.some(
          (existing) => existing.position === source.element && existing.component === source.component,
        )
      ) {
        known.elements.push({
          position: source.element,
          ...(source.component === undefined ? {} : { component: source.component }),
          ...(source.reference === undefined ? {} : { reference: source.reference }),
          code,
        });
      }
    }
  }
  const segmentErrors = [...bySegment.values()].map((error) => ({
    ...error,
    code: error.elements.length > 0 ? error.code : ('8' as const),
    message: issues
      .filter((issue) => issue.source.position === error.position)
      .map((issue) => `${issue.field}: ${issue.messages.join('; ')}`)
      .join(' | '),
  }));
  return { reason, segmentErrors };
}

/**
 * Contract issues placed on their sources, without those on a field the mapping already reported (the mapping's
 * reason is the more precise one).
 */
export function placeIssues(
  issues: readonly ValidationIssue[],
  mappingIssues: readonly MappingIssue[],
  sources: ReadonlyMap<string, FieldSource>,
  fallback: FieldSource,
): Array<{ field: string; messages: readonly string[]; source: FieldSource; code?: ElementErrorCode }> {
  const covered = (field: string): boolean =>
    mappingIssues.some(
      (issue) =>
        field === issue.field || field.startsWith(`${issue.field}.`) || field.startsWith(`${issue.field}[`),
    );
  return [
    ...mappingIssues.map((issue) => ({
      field: issue.field,
      messages: [issue.message],
      source: issue.source,
      code: issue.code,
    })),
    ...issues
      .filter((issue) => !covered(issue.field))
      .map((issue) => ({
        field: issue.field,
        messages: issue.messages,
        source: sourceOfField(sources, issue.field, fallback),
      })),
  ];
}
