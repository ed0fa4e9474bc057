import type { ValidationError } from 'class-validator';

/** One failing field: a dotted/bracketed path (`lines[0].procedureCode`) and what is wrong with it. */
export interface ValidationIssue {
  readonly field: string;
  readonly messages: readonly string[];
}

/**
 * Flattens class-validator errors into one issue per failing field, in the order class-validator reported them
 * (each error before its children). Iterative, so even an error tree as deep as its input cannot overflow the stack.
 * Messages name the field and the rule, never the rejected value, so they are safe to log (no PHI).
 */
export function toValidationIssues(errors: readonly ValidationError[], parentPath = ''): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const pending: Array<{ error: ValidationError; parentPath: string }> = [];
  const pushAll = (list: readonly ValidationError[], path: string): void => {
    for (let index = list.length - 1; index >= 0; index -= 1) {
      pending.push({ error: list[index], parentPath: path });
    }
  };
  pushAll(errors, parentPath);
  while (pending.length > 0) {
    const { error, parentPath: parent } = pending.pop() as { error: ValidationError; parentPath: string };
    // class-validator leaves `property` undefined on an "unknown value" error about the object itself.
    const property: string | undefined = error.property;
    const path = pathOf(parent, property);
    if (error.constraints !== undefined) {
      issues.push({
        field: path,
        messages: Object.values(error.constraints).map((m) =>
          property === undefined ? m : withPath(m, property, path),
        ),
      });
    }
    if (error.children !== undefined && error.children.length > 0) pushAll(error.children, path);
  }
  return issues;
}

/** `parent.property`, `parent[3]`, or `(root)` for an error about the value itself at the top. */
function pathOf(parent: string, property: string | undefined): string {
  const segment = property === undefined ? '' : /^\d+$/.test(property) ? `[${property}]` : property;
  if (segment === '') return parent === '' ? '(root)' : parent;
  if (parent === '') return segment;
  return segment.startsWith('[') ? `${parent}${segment}` : `${parent}.${segment}`;
}

/**
 * Replaces the property name in a class-validator message by its full path. Only the name in its usual spots
 * (`<name> must…`, `each value in <name>`, `property <name> should not exist`) or else as a whole word is
 * replaced, so a short name such as `e` does not rewrite a letter inside another word.
 */
function withPath(message: string, property: string, path: string): string {
  const escaped = property.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const usual = new RegExp(`^((?:each value in )?(?:nested )?(?:property )?)${escaped}(?![\\w$])`);
  if (usual.test(message)) return message.replace(usual, (_match, prefix: string) => `${prefix}${path}`);
  const word = new RegExp(`(^|[^\\w$.\\[])${escaped}(?![\\w$])`);
  return message.replace(word, (_match, before: string) => `${before}${path}`);
}

/** One line per issue, e.g. `npi: npi must be a valid NPI (10 digits with a Luhn check digit)`. */
export function describeIssues(issues: readonly ValidationIssue[]): string {
  return issues.map((issue) => `${issue.field}: ${issue.messages.join('; ')}`).join(' | ');
}
