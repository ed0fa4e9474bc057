import type { InterchangeAcknowledgment, SegmentError } from './acknowledgment.types';

/** The 999's implementation guide. */
export const ACKNOWLEDGMENT_999_GUIDE = '005010X231A1';

/** Separators of the acknowledgments the platform writes. */
const ELEMENT = '*';
const COMPONENT = ':';
const REPETITION = '^';
const TERMINATOR = '~\n';

/** Most IK3 segment errors written for one interchange: the ack of a file of many bad claims stays bounded. */
export const MAX_SEGMENT_ERRORS_PER_ACKNOWLEDGMENT = 10_000;

/**
 * Writes the acknowledgment interchange of an inbound interchange: a TA1 when the sender asked for one (ISA14 1) or
 * the envelope had problems, and one 999 (005010X231A1) per functional group received, each with an AK2 per
 * transaction set (IK3/CTX/IK4 for each segment in error, IK5 with A, E or R) and the AK9 of the group. The
 * interchange goes back from the receiver to the sender, under the inbound ISA13; `now` dates it. IK4 never copies
 * the bad data (IK404 left out: it could be PHI).
 */
export function build999(ack: InterchangeAcknowledgment, now: Date): string {
  const { interchange } = ack;
  const iso = now.toISOString();
  const yymmdd = iso.slice(2, 10).replace(/-/g, '');
  const ccyymmdd = iso.slice(0, 10).replace(/-/g, '');
  const hhmm = iso.slice(11, 16).replace(':', '');
  const control = /^\d{9}$/.test(interchange.controlNumber) ? interchange.controlNumber : '000000000';
  const segments: string[] = [];
  const write = (...elements: ReadonlyArray<string | number>): void => {
    segments.push(`${elements.map(String).join(ELEMENT).replace(/\*+$/, '')}${TERMINATOR}`);
  };
  const isa = [
    'ISA',
    '00',
    ' '.repeat(10),
    '00',
    ' '.repeat(10),
    clean(interchange.receiverQualifier || 'ZZ')
      .padEnd(2)
      .slice(0, 2),
    clean(interchange.receiverId).padEnd(15).slice(0, 15),
    clean(interchange.senderQualifier || 'ZZ')
      .padEnd(2)
      .slice(0, 2),
    clean(interchange.senderId).padEnd(15).slice(0, 15),
    yymmdd,
    hhmm,
    REPETITION,
    '00501',
    control,
    '0',
    interchange.usage === 'P' ? 'P' : 'T',
    COMPONENT,
  ].join(ELEMENT);
  segments.push(`${isa}${TERMINATOR}`);
  if (interchange.acknowledgmentRequested === '1' || ack.problems.length > 0 || ack.code !== 'A') {
    write(
      'TA1',
      control,
      clean(interchange.date),
      clean(interchange.time),
      ack.code,
      ack.problems[0]?.code ?? '000',
    );
  }
  if (ack.groups.length > 0) {
    const [first] = ack.groups;
    const groupControl = String(Number(control) || 1);
    write(
      'GS',
      'FA',
      clean(first?.receiver || interchange.receiverId),
      clean(first?.sender || interchange.senderId),
      ccyymmdd,
      hhmm,
      groupControl,
      'X',
      ACKNOWLEDGMENT_999_GUIDE,
    );
    let budget = MAX_SEGMENT_ERRORS_PER_ACKNOWLEDGMENT;
    ack.groups.forEach((group, index) => {
      const start = segments.length;
      const setControl = String(index + 1).padStart(4, '0');
      write('ST', '999', setControl, ACKNOWLEDGMENT_999_GUIDE);
      write('AK1', clean(group.functionalId), clean(group.control), clean(group.version));
      for (const set of group.sets) {
        write('AK2', clean(set.id), clean(set.control), clean(set.implementation));
        for (const error of set.segmentErrors) {
          if (budget <= 0) break;
          budget -= 1;
          writeSegmentError(write, error);
        }
        write('IK5', set.code, ...set.problems.slice(0, 5).map((problem) => problem.code));
      }
      const accepted = group.sets.filter((set) => set.code !== 'R').length;
      write(
        'AK9',
        group.code,
        group.included,
        group.received,
        accepted,
        ...group.problems.slice(0, 5).map((problem) => problem.code),
      );
      write('SE', segments.length - start + 1, setControl);
    });
    write('GE', ack.groups.length, groupControl);
  }
  write('IEA', ack.groups.length > 0 ? 1 : 0, control);
  return segments.join('');
}

function writeSegmentError(
  write: (...elements: ReadonlyArray<string | number>) => void,
  error: SegmentError,
): void {
  write('IK3', clean(error.tag).slice(0, 3), error.position, error.loop ?? '', error.code);
  if (error.claimId !== undefined && clean(error.claimId) !== '') {
    write('CTX', `CLM01${COMPONENT}${clean(error.claimId)}`);
  }
  for (const item of error.elements) {
    const position =
      item.component === undefined ? String(item.position) : `${item.position}${COMPONENT}${item.component}`;
    write('IK4', position, item.reference ?? '', item.code);
  }
}

/** A value of the inbound interchange echoed in the ack: separators and control characters taken out. */
function clean(text: string): string {
  return text.replace(/[*:^~\u0000-\u001f\u007f]/g, '');
}
