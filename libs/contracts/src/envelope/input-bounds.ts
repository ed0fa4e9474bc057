import type { ValidationIssue } from './validation-issues';

/**
 * Limits every submitted JSON value is held to before any validation or transformation looks at it (HTTP bodies,
 * CSV rows, Kafka messages). They keep the work per input linear and bounded: class-transformer and class-validator
 * recurse, and an array of 40,000 lines or a value nested 10,000 deep would otherwise block the event loop or
 * overflow the stack. docs/input-bounds.md lists them and the variables that change them.
 */
export interface InputBounds {
  /** Deepest nesting of objects and arrays; the top-level value is depth 1. */
  readonly maxDepth: number;
  /** Most items in any one array. */
  readonly maxArrayLength: number;
  /** Longest string value or property name, in UTF-16 code units. */
  readonly maxStringLength: number;
  /** Most properties on any one object. */
  readonly maxObjectKeys: number;
}

/**
 * Generous for every contract: the deepest payload (a `claims-inbound` envelope around a claim's line modifiers)
 * is 6 levels, the longest array a batch of 1,000 items, the longest text field a few hundred characters.
 */
export const DEFAULT_INPUT_BOUNDS: InputBounds = {
  maxDepth: 16,
  maxArrayLength: 1000,
  maxStringLength: 10_000,
  maxObjectKeys: 200,
};

/** Property names that reach JavaScript's prototype machinery; no contract has them, no input may use them. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** In a `u` pattern, surrogates that form a pair are one code point: this matches only unpaired ones. */
const LONE_SURROGATE = /\p{Cs}/u;

/** Past this many issues the walk stops: the answer stays small and the time bounded whatever the input. */
const MAX_BOUND_ISSUES = 20;

interface Frame {
  readonly value: unknown;
  readonly depth: number;
  /** The frame of the containing object or array (none at the top). */
  readonly parent?: Frame;
  /** The property name (checked when the frame is visited, so issues come in the input's order) or the index. */
  readonly key?: string;
  readonly index?: number;
}

/**
 * Checks a parsed JSON value against the bounds, and that no string or property name holds a NUL character (no
 * database text column or JSON document can store one) or a lone surrogate (not Unicode text). Iterative, so any nesting is safe, and linear in the size
 * of the value; an over-long array, over-wide object or over-deep value is reported without looking inside it.
 * Paths are built only for issues. Returns at most 20 issues, each naming the path, never the value.
 */
export function checkInputBounds(
  value: unknown,
  bounds: InputBounds = DEFAULT_INPUT_BOUNDS,
): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const report = (field: string, message: string): void => {
    issues.push({ field, messages: [message] });
  };
  const stack: Frame[] = [{ value, depth: 1 }];
  while (stack.length > 0 && issues.length < MAX_BOUND_ISSUES) {
    const frame = stack.pop() as Frame;
    if (frame.key !== undefined) {
      if (!checkText(frame.key, () => pathOf(frame.parent), 'property name', bounds, report)) continue;
      if (FORBIDDEN_KEYS.has(frame.key)) {
        const path = pathOf(frame);
        report(path, `property ${path} is not allowed`);
        continue;
      }
    }
    const current = frame.value;
    if (typeof current === 'string') {
      checkText(current, () => pathOf(frame), 'string', bounds, report);
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (frame.depth > bounds.maxDepth) {
      const path = pathOf(frame);
      report(path, `${path} is nested more than ${bounds.maxDepth} levels deep`);
      continue;
    }
    if (Array.isArray(current)) {
      if (current.length > bounds.maxArrayLength) {
        const path = pathOf(frame);
        report(path, `${path} has ${current.length} items; at most ${bounds.maxArrayLength} are accepted`);
        continue;
      }
      for (let index = current.length - 1; index >= 0; index -= 1) {
        stack.push({ value: current[index], depth: frame.depth + 1, parent: frame, index });
      }
      continue;
    }
    const keys = Object.keys(current);
    if (keys.length > bounds.maxObjectKeys) {
      const path = pathOf(frame);
      report(path, `${path} has ${keys.length} properties; at most ${bounds.maxObjectKeys} are accepted`);
      continue;
    }
    for (let index = keys.length - 1; index >= 0; index -= 1) {
      const key = keys[index];
      stack.push({
        value: (current as Record<string, unknown>)[key],
        depth: frame.depth + 1,
        parent: frame,
        key,
      });
    }
  }
  return issues;
}

/** `claim.lines[2].code` for a frame; `(root)` for the top. A frame's key has passed its checks. */
function pathOf(frame: Frame | undefined): string {
  const segments: string[] = [];
  for (let current = frame; current?.parent !== undefined; current = current.parent) {
    segments.push(current.key !== undefined ? `.${current.key}` : `[${current.index ?? 0}]`);
  }
  if (segments.length === 0) return '(root)';
  const path = segments.reverse().join('');
  return path.startsWith('.') ? path.slice(1) : path;
}

/** Checks one string value (at `field`) or property name (of the object at `field`); false if it failed. */
function checkText(
  text: string,
  field: () => string,
  what: 'string' | 'property name',
  bounds: InputBounds,
  report: (field: string, message: string) => void,
): boolean {
  if (text.length > bounds.maxStringLength) {
    const path = field();
    report(
      path,
      `${what === 'string' ? path : `a property name in ${path}`} is longer than ${bounds.maxStringLength} characters`,
    );
    return false;
  }
  if (text.includes('\u0000')) {
    const path = field();
    report(
      path,
      `${what === 'string' ? path : `a property name in ${path}`} must not contain the NUL character (U+0000)`,
    );
    return false;
  }
  if (LONE_SURROGATE.test(text)) {
    // A lone surrogate: PostgreSQL refuses its \u escape in a JSON document, and UTF-8 cannot carry it.
    const path = field();
    report(
      path,
      `${what === 'string' ? path : `a property name in ${path}`} must be valid Unicode text (a lone surrogate)`,
    );
    return false;
  }
  return true;
}
