import { loadHttpInputLimits } from '@care/config';
import {
  validateSubmission,
  type InputBounds,
  type PayloadClass,
  type ValidationIssue,
} from '@care/contracts';
import {
  issuesException,
  storageRejectionIssue,
  storageRejectionOf,
  TimeSlices,
  validationExceptionFactory,
} from '@care/observability';
import { validateSync } from 'class-validator';

/** One item's result in a batch response: the outcome of applying it, or why it was invalid. */
export type BatchItemResult<TOutcome> =
  | ({ readonly index: number } & TOutcome)
  | { readonly index: number; readonly status: 'invalid'; readonly issues: readonly ValidationIssue[] };

/**
 * The body of a batch route checked against its request class (`{ claims: [...] }`: an array of 1 to 1,000
 * objects, no other property) without transforming the items. The routes take the body untyped, so that Nest's
 * ValidationPipe does not deep-copy every item through class-transformer first: for a 4 MB batch that alone held
 * the event loop for seconds. Each item is then transformed and validated once, by applyBatch.
 */
export function readBatchBody<TRequest extends object>(
  requestClass: new () => TRequest,
  body: unknown,
): TRequest {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw issuesException('validation failed', [
      { field: '(root)', messages: ['(root) must be a JSON object'] },
    ]);
  }
  const request = new requestClass();
  // The body has passed the input bounds, so it holds no __proto__, constructor or prototype key.
  for (const [key, value] of Object.entries(body)) (request as Record<string, unknown>)[key] = value;
  const errors = validateSync(request, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
  });
  if (errors.length > 0) throw validationExceptionFactory(errors);
  return request;
}

let configuredBounds: InputBounds | undefined;

/** INPUT_MAX_* as the service started with them (start-up already stopped on a bad value). */
function itemBounds(): InputBounds {
  configuredBounds ??= loadHttpInputLimits().bounds;
  return configuredBounds;
}

/**
 * Validates each item of a batch on its own (as strictly as a single HTTP submission: unknown fields rejected),
 * applies the valid ones together in one call, and returns one result per item in the original order.
 * One bad item fails only itself: if the database refuses a value of the batch (which validation should have
 * caught), each valid item is applied alone and only the refused ones are reported invalid.
 * Validation yields to the event loop every 10 ms, so a large batch never holds up health checks or consumers.
 */
export async function applyBatch<TItem extends object, TOutcome extends object>(
  itemClass: PayloadClass<TItem>,
  items: readonly unknown[],
  apply: (valid: TItem[]) => Promise<readonly TOutcome[]>,
): Promise<Array<BatchItemResult<TOutcome>>> {
  const results = new Array<BatchItemResult<TOutcome>>(items.length);
  const valid: Array<{ index: number; value: TItem }> = [];
  const slices = new TimeSlices();
  const bounds = itemBounds();
  for (let index = 0; index < items.length; index += 1) {
    await slices.maybeYield();
    // Each item held to the input bounds on its own (the route is @BoundsPerItem): past one, it alone is invalid.
    const validation = validateSubmission(itemClass, items[index], { forbidUnknownFields: true, bounds });
    if (validation.ok) valid.push({ index, value: validation.value });
    else results[index] = { index, status: 'invalid', issues: validation.issues };
  }
  const record = (entries: typeof valid, outcomes: readonly TOutcome[]): void => {
    if (outcomes.length !== entries.length)
      throw new Error(`batch applied ${outcomes.length} of ${entries.length} items`);
    entries.forEach((entry, position) => {
      results[entry.index] = { index: entry.index, ...outcomes[position] };
    });
  };
  try {
    record(valid, await apply(valid.map((entry) => entry.value)));
  } catch (error) {
    const code = storageRejectionOf(error);
    if (code === undefined) throw error;
    const [only] = valid;
    if (valid.length === 1 && only !== undefined) {
      results[only.index] = { index: only.index, status: 'invalid', issues: [storageRejectionIssue(code)] };
      return results;
    }
    for (const entry of valid) {
      try {
        record([entry], await apply([entry.value]));
      } catch (itemError) {
        const itemCode = storageRejectionOf(itemError);
        if (itemCode === undefined) throw itemError;
        results[entry.index] = {
          index: entry.index,
          status: 'invalid',
          issues: [storageRejectionIssue(itemCode)],
        };
      }
    }
  }
  return results;
}
