import type { X12Segment } from '../segments/read-x12-segments';

/**
 * One loop of a transaction set's implementation guide (TR3): the segment that starts it (tag and, for NM1, the
 * entity identifier code in NM101 or the HL level code in HL03), the segments it may hold after that one, and the
 * loops that may follow inside it. Segments inside a loop are not checked for their order; loops are.
 */
export interface LoopDefinition {
  readonly id: string;
  readonly name: string;
  readonly start: { readonly tag: string; readonly qualifiers?: readonly string[] };
  readonly segments: readonly string[];
  readonly children: readonly string[];
  /** Most repetitions of the loop within its parent (the TR3's repeat), when the platform checks it. */
  readonly maxRepeat?: number;
  /** An HL loop: its place follows the HL parent links, not the order of its parent's children. */
  readonly hierarchical?: boolean;
}

/** A transaction set's loops by id; `root` holds the set header segments (after ST) and the top-level loops. */
export type LoopStructure = ReadonlyMap<string, LoopDefinition>;

export const ROOT_LOOP = 'header';

export function defineStructure(loops: readonly LoopDefinition[]): LoopStructure {
  return new Map(loops.map((loop) => [loop.id, loop]));
}

/** The qualifier a loop start is told apart by: NM101 for NM1, HL03 for HL, INS01 for nothing else. */
function qualifierOf(segment: X12Segment): string | undefined {
  if (segment.tag === 'NM1' || segment.tag === 'N1') return segment.elements[0];
  if (segment.tag === 'HL') return segment.elements[2];
  return undefined;
}

/** Every segment tag a structure uses anywhere: a tag outside it is unrecognized, not just misplaced. */
export function tagsOf(structure: LoopStructure): ReadonlySet<string> {
  const tags = new Set<string>();
  for (const loop of structure.values()) {
    tags.add(loop.start.tag);
    for (const tag of loop.segments) tags.add(tag);
  }
  return tags;
}

/** Whether `segment` starts `loop`. */
export function startsLoop(loop: LoopDefinition, segment: X12Segment): boolean {
  if (loop.start.tag !== segment.tag) return false;
  if (loop.start.qualifiers === undefined) return true;
  const qualifier = qualifierOf(segment);
  return qualifier !== undefined && loop.start.qualifiers.includes(qualifier);
}

interface OpenLoop {
  readonly loop: LoopDefinition;
  readonly childCounts: Map<string, number>;
  /** Index (in `loop.children`) of the last non-hierarchical child loop started. */
  lastChild: number;
}

/**
 * Tracks the open loops of a transaction set while its segments arrive, as the TR3 nests them: a segment belongs
 * to the innermost open loop that allows it, or starts a child loop of an open loop (closing the loops inside
 * that one). Anything else is unexpected where it stands.
 */
export class LoopTracker {
  private readonly stack: OpenLoop[];

  constructor(private readonly structure: LoopStructure) {
    const root = structure.get(ROOT_LOOP);
    if (root === undefined) throw new Error('a loop structure needs a root loop');
    this.stack = [{ loop: root, childCounts: new Map(), lastChild: -1 }];
  }

  /** The innermost open loop. */
  get current(): LoopDefinition {
    return (this.stack[this.stack.length - 1] as { loop: LoopDefinition }).loop;
  }

  /** Ids of the open loops, outermost first. */
  get path(): readonly string[] {
    return this.stack.map((entry) => entry.loop.id);
  }

  /**
   * Places a segment: `segment` when it belongs to the current loop, `loop` with the loop it starts (and whether
   * that loop occurs more often than its maximum), `unexpected` when no open loop takes it.
   */
  place(
    segment: X12Segment,
  ):
    | { readonly kind: 'segment'; readonly loop: LoopDefinition }
    | { readonly kind: 'loop'; readonly loop: LoopDefinition; readonly overMaximum: boolean }
    | { readonly kind: 'unexpected' } {
    for (let depth = this.stack.length - 1; depth >= 0; depth -= 1) {
      const entry = this.stack[depth];
      const index = entry.loop.children.findIndex((id) => {
        const candidate = this.structure.get(id);
        return candidate !== undefined && startsLoop(candidate, segment);
      });
      const child = index < 0 ? undefined : this.structure.get(entry.loop.children[index]);
      // A loop comes after the siblings before it in the TR3 (a subscriber loop after the claims is misplaced).
      if (child !== undefined && (child.hierarchical === true || index >= entry.lastChild)) {
        this.stack.length = depth + 1;
        const count = (entry.childCounts.get(child.id) ?? 0) + 1;
        entry.childCounts.set(child.id, count);
        if (child.hierarchical !== true) entry.lastChild = index;
        this.stack.push({ loop: child, childCounts: new Map(), lastChild: -1 });
        return {
          kind: 'loop',
          loop: child,
          overMaximum: child.maxRepeat !== undefined && count > child.maxRepeat,
        };
      }
      // Segments of the loop itself only while it is the innermost: once a child loop began, the parent's own
      // segments are behind.
      if (depth === this.stack.length - 1 && entry.loop.segments.includes(segment.tag)) {
        return { kind: 'segment', loop: entry.loop };
      }
    }
    return { kind: 'unexpected' };
  }
}
