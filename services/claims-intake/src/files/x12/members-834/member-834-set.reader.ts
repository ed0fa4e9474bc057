import type { SegmentError } from '../acknowledgment/acknowledgment.types';
import { UNREADABLE_SEGMENT_TAG, type X12Segment } from '../segments/read-x12-segments';
import { LoopTracker, ROOT_LOOP, tagsOf } from '../structure/loop-structure';
import type { PositionedSegment } from '../structure/positioned-segment';
import { MEMBER_834_STRUCTURE } from './member-834.structure';

/** One member of an 834 as read: the 2000 loop and the loops inside it (INS up to the next INS or SE). */
export interface Member834Unit {
  readonly position: number;
  readonly segments: readonly PositionedSegment[];
  readonly errors: readonly SegmentError[];
}

const KNOWN_TAGS = tagsOf(MEMBER_834_STRUCTURE);

/**
 * Reads the segments of one 834 transaction set as they arrive and hands out each member when its loop ends.
 * Structure errors inside a member loop reject that member only; those in the header reject the set.
 */
export class Member834SetReader {
  private readonly tracker = new LoopTracker(MEMBER_834_STRUCTURE);
  private member: { position: number; segments: PositionedSegment[]; errors: SegmentError[] } | undefined;
  private readonly setErrors: SegmentError[] = [];
  private readonly seen = new Set<string>();

  get errors(): readonly SegmentError[] {
    return this.setErrors;
  }

  accept(segment: X12Segment, position: number): Member834Unit | undefined {
    if (segment.tag === UNREADABLE_SEGMENT_TAG) {
      this.error({
        tag: segment.tag,
        position,
        code: '1',
        elements: [],
        message: `segment ${position} cannot be read: it has no tag followed by the element separator`,
      });
      return undefined;
    }
    const placed = this.tracker.place(segment);
    if (placed.kind === 'unexpected') {
      const where = this.tracker.path[this.tracker.path.length - 1] ?? ROOT_LOOP;
      const known = KNOWN_TAGS.has(segment.tag);
      this.error({
        tag: segment.tag,
        position,
        ...(where === ROOT_LOOP ? {} : { loop: where }),
        code: known ? '2' : '1',
        elements: [],
        message: known
          ? `${segment.tag} at segment ${position} is not expected ${where === ROOT_LOOP ? 'in the transaction set header' : `in loop ${where}`} of an 834`
          : `${segment.tag} at segment ${position} is not a segment of an 834`,
      });
      return undefined;
    }
    const entry: PositionedSegment = { segment, position, loop: placed.loop.id };
    if (placed.kind === 'loop' && segment.tag === 'INS') {
      const ended = this.endMember();
      this.member = { position, segments: [entry], errors: [] };
      return ended;
    }
    if (this.member !== undefined) this.member.segments.push(entry);
    else if (segment.tag === 'BGN') this.seen.add('BGN');
    else if (placed.kind === 'loop') this.seen.add(placed.loop.id);
    return undefined;
  }

  finish(): Member834Unit | undefined {
    const ended = this.endMember();
    const required: Array<[string, string, string | undefined, string]> = [
      ['BGN', 'BGN', undefined, 'the beginning segment (BGN) is missing'],
      ['1000A', 'N1', '1000A', 'the sponsor name loop 1000A (N1*P5) is missing'],
      ['1000B', 'N1', '1000B', 'the payer loop 1000B (N1*IN) is missing'],
    ];
    for (const [part, tag, loop, message] of required) {
      if (!this.seen.has(part)) {
        this.setErrors.push({
          tag,
          position: 1,
          ...(loop === undefined ? {} : { loop }),
          code: '3',
          elements: [],
          message,
        });
      }
    }
    return ended;
  }

  private error(error: SegmentError): void {
    if (this.member !== undefined) this.member.errors.push(error);
    else this.setErrors.push(error);
  }

  private endMember(): Member834Unit | undefined {
    const member = this.member;
    if (member === undefined) return undefined;
    this.member = undefined;
    const has = (tag: string, qualifier?: string): boolean =>
      member.segments.some(
        (entry) =>
          entry.segment.tag === tag && (qualifier === undefined || entry.segment.elements[0] === qualifier),
      );
    if (!has('REF', '0F')) {
      member.errors.push({
        tag: 'REF',
        position: member.position,
        loop: '2000',
        code: '3',
        elements: [],
        message: `the member at segment ${member.position} has no subscriber identifier (REF*0F)`,
      });
    }
    if (!member.segments.some((entry) => entry.loop === '2100A')) {
      member.errors.push({
        tag: 'NM1',
        position: member.position,
        loop: '2100A',
        code: '3',
        elements: [],
        message: `the member at segment ${member.position} has no member name loop 2100A (NM1*IL)`,
      });
    }
    return { position: member.position, segments: member.segments, errors: member.errors };
  }
}
