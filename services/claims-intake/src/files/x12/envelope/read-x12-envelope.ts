import type {
  GroupProblem,
  InterchangeIdentity,
  InterchangeProblem,
  SetProblem,
} from '../acknowledgment/acknowledgment.types';
import type { X12Segment } from '../segments/read-x12-segments';

/** The GS header of a functional group. */
export interface GroupHeader {
  readonly functionalId: string;
  readonly sender: string;
  readonly receiver: string;
  readonly control: string;
  readonly version: string;
}

/** The ST header of a transaction set. */
export interface SetHeader {
  readonly id: string;
  readonly control: string;
  readonly implementation: string;
}

/**
 * The interchange read as envelopes, in order. `segment` items are the segments inside a transaction set (ST and
 * SE excluded), with their position in the set (ST is 1). A set, group or interchange end item carries the problems
 * of its envelope: trailer missing, counts or control numbers that do not agree.
 */
export type EnvelopeItem =
  | {
      readonly kind: 'interchange';
      readonly identity: InterchangeIdentity;
      readonly delimiters: { readonly component: string; readonly repetition: string };
      /** Problems of the ISA itself; a version other than 00501 stops the interchange (`readable: false`). */
      readonly problems: readonly InterchangeProblem[];
      readonly readable: boolean;
    }
  | { readonly kind: 'group'; readonly header: GroupHeader; readonly problems: readonly GroupProblem[] }
  | { readonly kind: 'set'; readonly header: SetHeader; readonly problems: readonly SetProblem[] }
  | { readonly kind: 'segment'; readonly segment: X12Segment; readonly position: number }
  | { readonly kind: 'set-end'; readonly problems: readonly SetProblem[]; readonly segments: number }
  | {
      readonly kind: 'group-end';
      readonly problems: readonly GroupProblem[];
      readonly sets: number;
      readonly declared?: number;
    }
  | {
      readonly kind: 'interchange-end';
      readonly problems: readonly InterchangeProblem[];
      readonly complete: boolean;
    };

const IDENTIFIER_QUALIFIERS = ['01', '14', '20', '27', '28', '29', '30', '33', 'ZZ'];

/**
 * Reads the envelopes of one interchange (ISA/IEA, GS/GE, ST/SE) out of its segments and checks them as a
 * trading partner's translator does: control numbers of header and trailer agree, the trailers' counts match what
 * was received, every trailer is there, nothing stands outside its envelope. Never throws for bad input: problems
 * are reported on the item they belong to, with the X12 code the acknowledgments carry. Synchronous, a segment at a
 * time: `accept` returns what a segment completes, `finish` what the end of the file does.
 */
export class X12EnvelopeReader {
  private identity: InterchangeIdentity | undefined;
  private ended = false;
  private stopped = false;
  private group: { header: GroupHeader; sets: number; controls: Set<string> } | undefined;
  private set: { header: SetHeader; segments: number } | undefined;
  private groups = 0;
  private readonly interchangeProblems: InterchangeProblem[] = [];

  /** Whether nothing more is read (an ISA that cannot be read as 5010). */
  get done(): boolean {
    return this.stopped;
  }

  accept(segment: X12Segment): EnvelopeItem[] {
    const out: EnvelopeItem[] = [];
    if (this.stopped) return out;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the checks read the state as plain variables
    const state = this;
    const noteOnce = (problem: InterchangeProblem): void => {
      if (!state.interchangeProblems.some((known) => known.code === problem.code))
        state.interchangeProblems.push(problem);
    };
    // The state as locals, written back whatever way the segment leaves.
    let { identity, group, set, ended, groups } = state;
    try {
      if (identity === undefined) {
        // The segment reader always starts with the ISA.
        const read = readIsa(segment);
        identity = read.identity;
        out.push({
          kind: 'interchange',
          identity,
          delimiters: { component: segment.elements[15] ?? ':', repetition: segment.elements[10] ?? '^' },
          problems: read.problems,
          readable: read.readable,
        });
        if (!read.readable) this.stopped = true;
        return out;
      }
      if (ended) {
        noteOnce({
          code: '022',
          message: `segments after the IEA (${segment.tag}): a file holds one interchange`,
        });
        return out;
      }
      switch (segment.tag) {
        case 'ISA':
          noteOnce({
            code: '022',
            message: 'a second ISA inside the interchange: a file holds one interchange',
          });
          return out;
        case 'GS': {
          if (set !== undefined) {
            out.push(setEnd(set, undefined));
            set = undefined;
          }
          if (group !== undefined) {
            out.push(groupEnd(group, undefined));
          }
          const header: GroupHeader = {
            functionalId: segment.elements[0] ?? '',
            sender: (segment.elements[1] ?? '').trim(),
            receiver: (segment.elements[2] ?? '').trim(),
            control: segment.elements[5] ?? '',
            version: segment.elements[7] ?? '',
          };
          const problems: GroupProblem[] = /^\d{1,9}$/.test(header.control)
            ? []
            : [{ code: '6', message: 'GS06, the group control number, must be 1-9 digits' }];
          group = { header, sets: 0, controls: new Set() };
          groups += 1;
          out.push({ kind: 'group', header, problems });
          return out;
        }
        case 'GE': {
          if (group === undefined) {
            noteOnce({ code: '022', message: 'a GE without its GS' });
            return out;
          }
          if (set !== undefined) {
            out.push(setEnd(set, undefined));
            set = undefined;
          }
          out.push(groupEnd(group, segment));
          group = undefined;
          return out;
        }
        case 'IEA': {
          if (set !== undefined) {
            out.push(setEnd(set, undefined));
            set = undefined;
          }
          if (group !== undefined) {
            out.push(groupEnd(group, undefined));
            group = undefined;
          }
          const [count = '', control = ''] = segment.elements;
          if (!/^\d+$/.test(count) || Number(count) !== groups) {
            noteOnce({
              code: '021',
              message: `IEA01 says ${count || 'nothing'} functional groups; the interchange holds ${groups}`,
            });
          }
          if (!/^\d+$/.test(control) || Number(control) !== Number(identity.controlNumber)) {
            noteOnce({ code: '001', message: 'IEA02 does not match ISA13, the interchange control number' });
          }
          ended = true;
          return out;
        }
        case 'ST': {
          if (group === undefined) {
            noteOnce({ code: '024', message: 'a transaction set (ST) outside a functional group (GS/GE)' });
            return out;
          }
          if (set !== undefined) out.push(setEnd(set, undefined));
          const header: SetHeader = {
            id: segment.elements[0] ?? '',
            control: segment.elements[1] ?? '',
            implementation: segment.elements[2] ?? '',
          };
          const problems: SetProblem[] = [];
          if (!/^[A-Za-z0-9]{4,9}$/.test(header.control)) {
            problems.push({
              code: '7',
              message: 'ST02, the transaction set control number, must be 4-9 characters',
            });
          } else if (group.controls.has(header.control)) {
            problems.push({ code: '23', message: 'ST02 is used by another transaction set of the group' });
          }
          group.controls.add(header.control);
          group.sets += 1;
          set = { header, segments: 1 };
          out.push({ kind: 'set', header, problems });
          return out;
        }
        case 'SE': {
          if (set === undefined) {
            if (group === undefined) noteOnce({ code: '024', message: 'an SE outside a functional group' });
            else noteOnce({ code: '022', message: 'an SE without its ST' });
            return out;
          }
          set.segments += 1;
          out.push(setEnd(set, segment));
          set = undefined;
          return out;
        }
        default: {
          if (set === undefined) {
            noteOnce({
              code: group === undefined ? '024' : '022',
              message: `a ${segment.tag} segment outside a transaction set (ST/SE)`,
            });
            return out;
          }
          set.segments += 1;
          out.push({ kind: 'segment', segment, position: set.segments });
          return out;
        }
      }
    } finally {
      state.identity = identity;
      state.group = group;
      state.set = set;
      state.ended = ended;
      state.groups = groups;
    }
  }

  finish(): EnvelopeItem[] {
    const out: EnvelopeItem[] = [];
    if (this.identity === undefined || this.stopped) return out;
    const { set, group, ended, interchangeProblems } = this;
    const noteOnce = (problem: InterchangeProblem): void => {
      if (!interchangeProblems.some((known) => known.code === problem.code))
        interchangeProblems.push(problem);
    };

    if (set !== undefined) out.push(setEnd(set, undefined));
    if (group !== undefined) out.push(groupEnd(group, undefined));
    if (!ended) {
      noteOnce({ code: '023', message: 'the file ends before the IEA: the interchange is incomplete' });
    }
    out.push({ kind: 'interchange-end', problems: interchangeProblems, complete: ended });
    this.set = undefined;
    this.group = undefined;
    return out;
  }
}

/** The envelope items of an interchange's segments, one at a time (tests; the importers use the reader). */
export async function* readX12Envelope(
  segments: AsyncIterable<X12Segment>,
): AsyncGenerator<EnvelopeItem, void, undefined> {
  const reader = new X12EnvelopeReader();
  for await (const segment of segments) yield* reader.accept(segment);
  yield* reader.finish();
}

function setEnd(set: { header: SetHeader; segments: number }, trailer: X12Segment | undefined): EnvelopeItem {
  if (trailer === undefined) {
    return {
      kind: 'set-end',
      segments: set.segments,
      problems: [{ code: '2', message: `transaction set ${set.header.control} has no SE trailer` }],
    };
  }
  const [count = '', control = ''] = trailer.elements;
  const problems: SetProblem[] = [];
  if (!/^\d+$/.test(count) || Number(count) !== set.segments) {
    problems.push({
      code: '4',
      message: `SE01 says ${count || 'nothing'} segments; transaction set ${set.header.control} has ${set.segments} (ST to SE)`,
    });
  }
  if (control !== set.header.control) {
    problems.push({ code: '3', message: 'SE02 does not match ST02, the transaction set control number' });
  }
  return { kind: 'set-end', segments: set.segments, problems };
}

function groupEnd(
  group: { header: GroupHeader; sets: number },
  trailer: X12Segment | undefined,
): EnvelopeItem {
  if (trailer === undefined) {
    return {
      kind: 'group-end',
      sets: group.sets,
      problems: [{ code: '3', message: `functional group ${group.header.control} has no GE trailer` }],
    };
  }
  const [count = '', control = ''] = trailer.elements;
  const problems: GroupProblem[] = [];
  const declared = /^\d+$/.test(count) ? Number(count) : undefined;
  if (declared !== group.sets) {
    problems.push({
      code: '5',
      message: `GE01 says ${count || 'nothing'} transaction sets; functional group ${group.header.control} has ${group.sets}`,
    });
  }
  if (control !== group.header.control) {
    problems.push({ code: '4', message: 'GE02 does not match GS06, the group control number' });
  }
  return { kind: 'group-end', sets: group.sets, problems, ...(declared === undefined ? {} : { declared }) };
}

/** The ISA's identity and the problems of its values (its layout was checked when it was read). */
function readIsa(segment: X12Segment): {
  identity: InterchangeIdentity;
  problems: InterchangeProblem[];
  readable: boolean;
} {
  const value = (position: number): string => segment.elements[position - 1] ?? '';
  const identity: InterchangeIdentity = {
    senderQualifier: value(5).trim(),
    senderId: value(6).trim(),
    receiverQualifier: value(7).trim(),
    receiverId: value(8).trim(),
    date: value(9),
    time: value(10),
    controlNumber: value(13),
    usage: value(15),
    acknowledgmentRequested: value(14),
  };
  const problems: InterchangeProblem[] = [];
  const printable = (text: string): boolean => /^[\x20-\x7e]*$/.test(text);
  if (!printable(identity.senderId))
    problems.push({ code: '006', message: 'ISA06, the sender id, must be printable characters' });
  if (!printable(identity.receiverId))
    problems.push({ code: '008', message: 'ISA08, the receiver id, must be printable characters' });
  if (!IDENTIFIER_QUALIFIERS.includes(identity.senderQualifier) || identity.senderId === '') {
    problems.push({ code: '022', message: 'ISA05/ISA06, the sender, must be a known qualifier and an id' });
  }
  if (!IDENTIFIER_QUALIFIERS.includes(identity.receiverQualifier) || identity.receiverId === '') {
    problems.push({ code: '022', message: 'ISA07/ISA08, the receiver, must be a known qualifier and an id' });
  }
  if (!isYymmdd(identity.date)) problems.push({ code: '014', message: 'ISA09 must be a date YYMMDD' });
  if (!/^([01]\d|2[0-3])[0-5]\d$/.test(identity.time)) {
    problems.push({ code: '015', message: 'ISA10 must be a time HHMM' });
  }
  const version = value(12);
  if (version !== '00501') {
    problems.push({ code: '017', message: 'ISA12 must be 00501: only version 5010 interchanges are read' });
  }
  if (!/^\d{9}$/.test(identity.controlNumber)) {
    problems.push({ code: '018', message: 'ISA13, the interchange control number, must be 9 digits' });
  }
  if (!['0', '1'].includes(identity.acknowledgmentRequested)) {
    problems.push({ code: '019', message: 'ISA14 must be 0 or 1' });
  }
  if (!['P', 'T'].includes(identity.usage)) problems.push({ code: '020', message: 'ISA15 must be P or T' });
  // Without 5010, a control number or printable parties there is nothing to acknowledge or to recognize a resend by.
  const readable =
    version === '00501' &&
    /^\d{9}$/.test(identity.controlNumber) &&
    printable(identity.senderId) &&
    printable(identity.receiverId);
  return { identity, problems, readable };
}

function isYymmdd(text: string): boolean {
  if (!/^\d{6}$/.test(text)) return false;
  const month = Number(text.slice(2, 4));
  const day = Number(text.slice(4, 6));
  const date = new Date(Date.UTC(2000 + Number(text.slice(0, 2)), month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}
