import type { SegmentError, SetProblem } from '../acknowledgment/acknowledgment.types';
import {
  X12EnvelopeReader,
  type EnvelopeItem,
  type GroupHeader,
  type SetHeader,
} from '../envelope/read-x12-envelope';
import type { InterchangeEvent } from '../envelope/interchange-event';
import type { X12Segment } from '../segments/read-x12-segments';
import { Member834SetReader, type Member834Unit } from './member-834-set.reader';
import { mapMember834, type MemberChange834 } from './member-834.mapper';
import { MEMBER_834_GUIDE } from './member-834.structure';

/**
 * Most members one 834 transaction set may hold: a set's members are held until its SE confirms it, so this bounds
 * the memory of an upload (docs/adr/0016). A sponsor with more members sends more transaction sets.
 */
export const MAX_MEMBERS_PER_SET = 10_000;

/** A member loop as read: mapped, or rejected for its structure. */
export type ReadMember =
  | { readonly ok: true; readonly change: MemberChange834 }
  | {
      readonly ok: false;
      readonly position: number;
      readonly reason: string;
      readonly segmentErrors: readonly SegmentError[];
    };

export interface ReadMemberSet {
  readonly group: GroupHeader;
  readonly header: SetHeader;
  readonly problems: readonly SetProblem[];
  readonly segmentErrors: readonly SegmentError[];
  readonly members: readonly ReadMember[];
  readonly memberCount: number;
}

export type Members834Event = InterchangeEvent<ReadMemberSet>;

function readMember(unit: Member834Unit): ReadMember {
  if (unit.errors.length > 0) {
    return {
      ok: false,
      position: unit.position,
      reason: unit.errors.map((error) => error.message).join(' | '),
      segmentErrors: unit.errors,
    };
  }
  return { ok: true, change: mapMember834(unit) };
}

/**
 * Reads an 834 interchange: envelopes checked, each transaction set read member by member and handed out at its SE.
 * A group that is not benefit enrollment (GS01 BE, GS08 005010X220A1) is reported and its sets skipped.
 */
export async function* readMembers834(
  segments: AsyncIterable<readonly X12Segment[]>,
  options: { readonly maxMembersPerSet?: number } = {},
): AsyncGenerator<Members834Event, void, undefined> {
  const maxMembers = options.maxMembersPerSet ?? MAX_MEMBERS_PER_SET;
  let group: { header: GroupHeader; supported: boolean } | undefined;
  let current:
    | {
        header: SetHeader;
        problems: SetProblem[];
        reader?: Member834SetReader;
        members: ReadMember[];
        memberCount: number;
        extra: SegmentError[];
      }
    | undefined;
  const take = (unit: Member834Unit | undefined): void => {
    if (unit === undefined || current === undefined) return;
    current.memberCount += 1;
    if (current.members.length < maxMembers) current.members.push(readMember(unit));
    else if (current.memberCount === maxMembers + 1) {
      current.extra.push({
        tag: 'INS',
        position: unit.position,
        loop: '2000',
        code: '4',
        elements: [],
        message: `transaction set ${current.header.control} holds more than ${maxMembers} members (the most one set may hold)`,
      });
    }
  };
  const envelope = new X12EnvelopeReader();
  const step = (item: EnvelopeItem): Members834Event[] => {
    const out: Members834Event[] = [];
    switch (item.kind) {
      case 'interchange':
        out.push({
          kind: 'interchange',
          identity: item.identity,
          problems: item.problems,
          readable: item.readable,
        });
        break;
      case 'group': {
        const problems = [...item.problems];
        if (item.header.functionalId !== 'BE') {
          problems.push({
            code: '1',
            message: 'GS01 must be BE: this endpoint takes benefit enrollment (834)',
          });
        } else if (item.header.version !== MEMBER_834_GUIDE) {
          problems.push({ code: '2', message: `GS08 must be ${MEMBER_834_GUIDE} (834)` });
        }
        group = { header: item.header, supported: problems.length === 0 };
        out.push({ kind: 'group', header: item.header, problems });
        break;
      }
      case 'set': {
        const problems = [...item.problems];
        if (group?.supported === true) {
          if (item.header.id !== '834') {
            problems.push({ code: '6', message: 'ST01 must be 834 in a group of benefit enrollment' });
          } else if (item.header.implementation !== MEMBER_834_GUIDE) {
            problems.push({
              code: 'I6',
              message: 'ST03 must name the implementation guide of the group (GS08)',
            });
          }
        }
        current = {
          header: item.header,
          problems,
          ...(group?.supported === true && problems.length === 0 ? { reader: new Member834SetReader() } : {}),
          members: [],
          memberCount: 0,
          extra: [],
        };
        break;
      }
      case 'segment':
        if (current?.reader !== undefined) take(current.reader.accept(item.segment, item.position));
        break;
      case 'set-end': {
        if (current === undefined || group === undefined) break;
        if (current.reader !== undefined) take(current.reader.finish());
        const set: ReadMemberSet = {
          group: group.header,
          header: current.header,
          problems: [...current.problems, ...item.problems],
          segmentErrors: [...(current.reader?.errors ?? []), ...current.extra],
          members: current.members,
          memberCount: current.memberCount,
        };
        current = undefined;
        if (group.supported) out.push({ kind: 'set', set });
        break;
      }
      case 'group-end':
        out.push({
          kind: 'group-end',
          problems: item.problems,
          sets: item.sets,
          ...(item.declared === undefined ? {} : { declared: item.declared }),
        });
        group = undefined;
        break;
      case 'interchange-end':
        out.push({ kind: 'interchange-end', problems: item.problems, complete: item.complete });
        break;
    }
    return out;
  };
  for await (const batch of segments) {
    for (const segment of batch) {
      for (const item of envelope.accept(segment)) {
        const events = step(item);
        for (const event of events) yield event;
      }
    }
  }
  for (const item of envelope.finish()) {
    for (const event of step(item)) yield event;
  }
}
