import { validateSubmission, type PayloadClass, type ValidationIssue } from '@care/contracts';

/** One item's result in a batch response: the outcome of applying it, or why it was invalid. */
export type BatchItemResult<TOutcome> =
  | ({ readonly index: number } & TOutcome)
  | { readonly index: number; readonly status: 'invalid'; readonly issues: readonly ValidationIssue[] };

/**
 * Validates each item of a batch on its own (as strictly as a single HTTP submission: unknown fields rejected),
 * applies the valid ones together in one call, and returns one result per item in the original order.
 * One bad item fails only itself.
 */
export async function applyBatch<TItem extends object, TOutcome extends object>(
  itemClass: PayloadClass<TItem>,
  items: readonly unknown[],
  apply: (valid: TItem[]) => Promise<readonly TOutcome[]>,
): Promise<Array<BatchItemResult<TOutcome>>> {
  const results = new Array<BatchItemResult<TOutcome>>(items.length);
  const valid: Array<{ index: number; value: TItem }> = [];
  items.forEach((item, index) => {
    const validation = validateSubmission(itemClass, item, { forbidUnknownFields: true });
    if (validation.ok) valid.push({ index, value: validation.value });
    else results[index] = { index, status: 'invalid', issues: validation.issues };
  });
  const outcomes = await apply(valid.map((entry) => entry.value));
  if (outcomes.length !== valid.length)
    throw new Error(`batch applied ${outcomes.length} of ${valid.length} items`);
  valid.forEach((entry, position) => {
    results[entry.index] = { index: entry.index, ...outcomes[position] };
  });
  return results;
}
