/**
 * Claim context attached to a claim's nested items (lines, diagnoses, drug) while the claim is transformed with
 * `plainToInstance(ClaimSubmission, ...)`, so rules that depend on the claim type, the claim dates or sibling
 * items can live on the nested property and report its own path (`lines[2].procedureCode`).
 * The context sits under a non-enumerable symbol: it is not serialized, compared, spread or whitelisted.
 * Items validated without a claim around them have no context and skip the claim-dependent rules.
 */
export interface ClaimContext {
  /** The claim as received (plain JSON); read claim-level fields from here. */
  readonly claim: Readonly<Record<string, unknown>>;
  /** Position of the item in its array, for array items. */
  readonly index?: number;
  /** The array the item belongs to, for uniqueness rules. */
  readonly siblings?: readonly unknown[];
}

const CLAIM_CONTEXT = Symbol('care.contracts.claimContext');

/**
 * Attaches the claim context to `value` (an item or each item of an array) and returns `value`.
 * Used as a class-transformer `@Transform` on ClaimSubmission's nested properties.
 */
export function withClaimContext(value: unknown, claim: unknown): unknown {
  if (typeof claim !== 'object' || claim === null) return value;
  const claimView = claim as Readonly<Record<string, unknown>>;
  if (Array.isArray(value)) {
    const siblings: readonly unknown[] = value;
    siblings.forEach((item, index) => attach(item, { claim: claimView, index, siblings }));
  } else {
    attach(value, { claim: claimView });
  }
  return value;
}

/** The claim context of a nested item, if it was transformed as part of a claim. */
export function claimContextOf(item: unknown): ClaimContext | undefined {
  if (typeof item !== 'object' || item === null) return undefined;
  return (item as { [CLAIM_CONTEXT]?: ClaimContext })[CLAIM_CONTEXT];
}

function attach(item: unknown, context: ClaimContext): void {
  if (typeof item !== 'object' || item === null || Object.isFrozen(item)) return;
  Object.defineProperty(item, CLAIM_CONTEXT, {
    value: context,
    enumerable: false,
    configurable: true,
    writable: true,
  });
}
