import type { SegmentError } from '../acknowledgment/acknowledgment.types';
import { UNREADABLE_SEGMENT_TAG, type X12Segment } from '../segments/read-x12-segments';
import { LoopTracker, ROOT_LOOP, tagsOf } from '../structure/loop-structure';
import { element, findSegment, type PositionedSegment } from '../structure/positioned-segment';
import { claim837Structure, type Claim837Kind } from './claim-837.structure';

/**
 * One claim of an 837 as read: its own segments (the 2300 loop and the loops inside it, from CLM up to the next
 * CLM, HL or SE) and the hierarchical levels it sits under (billing provider, subscriber, patient), which are shared
 * with the other claims of those levels. `errors` are the structure errors found inside the claim.
 */
export interface Claim837Unit {
  readonly claimId: string;
  readonly position: number;
  readonly segments: readonly PositionedSegment[];
  readonly billing: readonly PositionedSegment[];
  readonly subscriber: readonly PositionedSegment[];
  readonly patient?: readonly PositionedSegment[];
  readonly errors: readonly SegmentError[];
}

/** The hierarchical levels (HL) of the set: their segments, by HL id. */
interface Level {
  readonly id: string;
  readonly code: '20' | '22' | '23';
  readonly segments: PositionedSegment[];
  readonly parent?: Level;
}

const LEVEL_LOOPS: Readonly<Record<Level['code'], string>> = { '20': '2000A', '22': '2000B', '23': '2000C' };

/**
 * Reads the segments of one 837 transaction set (between ST and SE) as they arrive and hands out each claim when it
 * ends, so a set of any size holds one claim's segments at a time. Structure errors inside a claim stay with that
 * claim (only it is rejected); those outside a claim (header, hierarchical levels) are the set's and reject it.
 * Checks what the TR3 requires of the structure: the header segments and loops, the HL hierarchy (ids in order,
 * parents of the right level), the required segments of each level, claim and service line, the loop repeats the
 * platform depends on, and that every segment stands in a loop that takes it.
 */
export class Claim837SetReader {
  private readonly tracker: LoopTracker;
  private readonly knownTags: ReadonlySet<string>;
  private readonly levels = new Map<string, Level>();
  private level: Level | undefined;
  private claim:
    | { id: string; position: number; segments: PositionedSegment[]; errors: SegmentError[]; level?: Level }
    | undefined;
  private readonly setErrors: SegmentError[] = [];
  private readonly seenTopLoops = new Set<string>();
  private lastHlId = 0;

  constructor(private readonly kind: Claim837Kind) {
    this.tracker = new LoopTracker(claim837Structure(kind));
    this.knownTags = tagsOf(claim837Structure(kind));
  }

  /** Structure errors outside any claim: the set is rejected when there is one. */
  get errors(): readonly SegmentError[] {
    return this.setErrors;
  }

  /** Takes the next segment of the set; returns the claim that this segment ended, if any. */
  accept(segment: X12Segment, position: number): Claim837Unit | undefined {
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
      const known = this.knownTags.has(segment.tag);
      this.error({
        tag: segment.tag,
        position,
        ...(where === ROOT_LOOP ? {} : { loop: where }),
        code: known ? '2' : '1',
        elements: [],
        message: known
          ? `${segment.tag} at segment ${position} is not expected ${where === ROOT_LOOP ? 'in the transaction set header' : `in loop ${where}`} of an ${this.guide}`
          : `${segment.tag} at segment ${position} is not a segment of an ${this.guide}`,
      });
      return undefined;
    }
    const loop = placed.loop.id;
    const entry: PositionedSegment = { segment, position, loop };
    if (placed.kind === 'loop' && placed.overMaximum) {
      this.error({
        tag: segment.tag,
        position,
        loop,
        code: '4',
        elements: [],
        message: `loop ${loop} (${placed.loop.name}) occurs more often than the ${this.guide} allows`,
      });
    }
    if (placed.kind === 'loop' && segment.tag === 'HL') {
      const ended = this.endClaim();
      this.endLevel();
      this.startLevel(entry);
      return ended;
    }
    if (placed.kind === 'loop' && segment.tag === 'CLM') {
      const ended = this.endClaim();
      this.claim = {
        id: element(segment, 1),
        position,
        segments: [entry],
        errors: [],
        ...(this.level === undefined ? {} : { level: this.level }),
      };
      return ended;
    }
    if (placed.kind === 'loop' && ['1000A', '1000B'].includes(loop)) this.seenTopLoops.add(loop);
    if (this.claim !== undefined) this.claim.segments.push(entry);
    else if (this.level !== undefined) this.level.segments.push(entry);
    else if (segment.tag === 'BHT') this.seenTopLoops.add('BHT');
    return undefined;
  }

  /** At SE: the last claim, and the header's required parts checked. */
  finish(setHeaderPosition = 1): Claim837Unit | undefined {
    const ended = this.endClaim();
    this.endLevel();
    const required: Array<[string, string, string]> = [
      ['BHT', 'BHT', 'the beginning of hierarchical transaction (BHT) is missing'],
      ['1000A', 'NM1', 'the submitter name loop 1000A (NM1*41) is missing'],
      ['1000B', 'NM1', 'the receiver name loop 1000B (NM1*40) is missing'],
    ];
    for (const [part, tag, message] of required) {
      if (!this.seenTopLoops.has(part)) {
        this.error({
          tag,
          position: setHeaderPosition,
          loop: part === 'BHT' ? undefined : part,
          code: '3',
          elements: [],
          message,
        });
      }
    }
    if (this.lastHlId === 0) {
      this.error({
        tag: 'HL',
        position: setHeaderPosition,
        loop: '2000A',
        code: '3',
        elements: [],
        message: 'the set has no billing provider level (HL with HL03 20)',
      });
    }
    return ended;
  }

  private get guide(): string {
    return this.kind === 'professional' ? '837P' : '837I';
  }

  private error(error: SegmentError): void {
    if (this.claim !== undefined) this.claim.errors.push({ ...error, claimId: this.claim.id });
    else this.setErrors.push(error);
  }

  private startLevel(entry: PositionedSegment): void {
    const { segment, position } = entry;
    const id = element(segment, 1);
    const parentId = element(segment, 2);
    const code = element(segment, 3) as Level['code'];
    if (id !== String(this.lastHlId + 1)) {
      this.setErrors.push({
        tag: 'HL',
        position,
        loop: LEVEL_LOOPS[code],
        code: '8',
        elements: [{ position: 1, reference: '628', code: '7' }],
        message: `HL01 at segment ${position} must be ${this.lastHlId + 1}: HL ids are numbered in order from 1`,
      });
    }
    this.lastHlId = Number.isInteger(Number(id)) ? Number(id) : this.lastHlId + 1;
    const expectedParent: Record<Level['code'], Level['code'] | undefined> = {
      '20': undefined,
      '22': '20',
      '23': '22',
    };
    const wanted = expectedParent[code];
    const parent = parentId === '' ? undefined : this.levels.get(parentId);
    if ((wanted === undefined && parentId !== '') || (wanted !== undefined && parent?.code !== wanted)) {
      this.setErrors.push({
        tag: 'HL',
        position,
        loop: LEVEL_LOOPS[code],
        code: '8',
        elements: [{ position: 2, reference: '734', code: '7' }],
        message:
          wanted === undefined
            ? `HL02 at segment ${position} must be empty: a billing provider level has no parent`
            : `HL02 at segment ${position} must name the HL of the ${wanted === '20' ? 'billing provider' : 'subscriber'} level above it`,
      });
    }
    const level: Level = { id, code, segments: [entry], ...(parent === undefined ? {} : { parent }) };
    this.levels.set(id, level);
    this.level = level;
    // Only the chain of the current level is kept: a set of many subscribers holds one at a time.
    for (const [knownId, known] of this.levels) {
      if (known !== level && known !== level.parent && known !== level.parent?.parent)
        this.levels.delete(knownId);
    }
  }

  /** Checks the required segments of the level that ends. */
  private endLevel(): void {
    const level = this.level;
    if (level === undefined) return;
    const head = level.segments[0];
    const missing = (tag: string, qualifier: string | undefined, loop: string, what: string): void => {
      if (findSegment(level.segments, tag, qualifier) === undefined) {
        this.setErrors.push({
          tag,
          position: head.position,
          loop,
          code: '3',
          elements: [],
          message: `${what} is missing from the level starting at segment ${head.position}`,
        });
      }
    };
    if (level.code === '20')
      missing('NM1', '85', '2010AA', 'the billing provider name (loop 2010AA, NM1*85)');
    if (level.code === '22') {
      missing('SBR', undefined, '2000B', 'the subscriber information (SBR)');
      missing('NM1', 'IL', '2010BA', 'the subscriber name (loop 2010BA, NM1*IL)');
      missing('NM1', 'PR', '2010BB', 'the payer name (loop 2010BB, NM1*PR)');
    }
    if (level.code === '23') {
      missing('PAT', undefined, '2000C', 'the patient information (PAT)');
      missing('NM1', 'QC', '2010CA', 'the patient name (loop 2010CA, NM1*QC)');
    }
    this.level = undefined;
  }

  private endClaim(): Claim837Unit | undefined {
    const claim = this.claim;
    if (claim === undefined) return undefined;
    this.claim = undefined;
    const chain = this.chainOf(claim.level);
    const required = (test: boolean, tag: string, loop: string, message: string): void => {
      if (!test) {
        claim.errors.push({
          tag,
          position: claim.position,
          loop,
          code: '3',
          claimId: claim.id,
          elements: [],
          message,
        });
      }
    };
    required(
      findSegment(claim.segments, 'HI') !== undefined,
      'HI',
      '2300',
      'the claim has no diagnosis (HI) segment',
    );
    if (this.kind === 'institutional') {
      required(
        findSegment(claim.segments, 'DTP', '434') !== undefined,
        'DTP',
        '2300',
        'the claim has no statement dates (DTP*434)',
      );
    }
    const lines = claim.segments.filter((entry) => entry.segment.tag === 'LX');
    required(lines.length > 0, 'LX', '2400', 'the claim has no service line (loop 2400)');
    for (const [index, line] of lines.entries()) {
      const next = lines[index + 1]?.position ?? Number.POSITIVE_INFINITY;
      const inLine = claim.segments.filter(
        (entry) => entry.position > line.position && entry.position < next,
      );
      const service = this.kind === 'professional' ? 'SV1' : 'SV2';
      if (findSegment(inLine, service) === undefined) {
        claim.errors.push({
          tag: service,
          position: line.position,
          loop: '2400',
          code: '3',
          claimId: claim.id,
          elements: [],
          message: `service line at segment ${line.position} has no ${service} segment`,
        });
      }
      if (this.kind === 'professional' && findSegment(inLine, 'DTP', '472') === undefined) {
        claim.errors.push({
          tag: 'DTP',
          position: line.position,
          loop: '2400',
          code: '3',
          claimId: claim.id,
          elements: [],
          message: `service line at segment ${line.position} has no service date (DTP*472)`,
        });
      }
    }
    const billing = chain.find((level) => level.code === '20');
    const subscriber = chain.find((level) => level.code === '22');
    const patient = chain.find((level) => level.code === '23');
    if (billing === undefined || subscriber === undefined) {
      claim.errors.push({
        tag: 'CLM',
        position: claim.position,
        loop: '2300',
        code: '7',
        claimId: claim.id,
        elements: [],
        message: 'the claim is not under a subscriber level (HL 22) of a billing provider level (HL 20)',
      });
    }
    return {
      claimId: claim.id,
      position: claim.position,
      segments: claim.segments,
      billing: billing?.segments ?? [],
      subscriber: subscriber?.segments ?? [],
      ...(patient === undefined ? {} : { patient: patient.segments }),
      errors: claim.errors,
    };
  }

  private chainOf(level: Level | undefined): Level[] {
    const chain: Level[] = [];
    for (let current = level; current !== undefined; current = current.parent) chain.push(current);
    return chain;
  }
}
