import { ValidateBy, type ValidationArguments } from 'class-validator';
import { isCalendarDate } from '../../validators/calendar-date.validator';
import type { ClaimType } from './claim.enums';
import { claimContextOf } from './claim-context';

/** Constraint names of the claim-context rules (JSON Schema describes them; see json-schema). */
export const IS_UNIQUE_IN_CLAIM = 'isUniqueInClaim';
export const IS_WITHIN_CLAIM_SERVICE_DATES = 'isWithinClaimServiceDates';
export const EQUALS_CLAIM_SERVICE_DATE_FROM = 'equalsClaimServiceDateFrom';

/** The claim type of the claim around a nested item, if known and valid. */
export function claimTypeAround(item: unknown): ClaimType | undefined {
  const claimType = claimContextOf(item)?.claim['claimType'];
  return claimType === 'professional' || claimType === 'institutional' || claimType === 'pharmacy'
    ? claimType
    : undefined;
}

/**
 * The property must differ from the same property of every earlier item of its array within the claim
 * (compared after `normalize`); a repeat is reported on the later item.
 */
export function IsUniqueInClaim(normalize: (value: string) => string = (value) => value): PropertyDecorator {
  const key = (value: unknown): string | undefined =>
    typeof value === 'string' ? normalize(value) : typeof value === 'number' ? String(value) : undefined;
  // Per array and property: the index of the first item with each key, built once, so that checking every item
  // of an array is linear in its length rather than comparing each item with all earlier ones.
  const firstIndexes = new WeakMap<readonly unknown[], Map<string, Map<string, number>>>();
  const firstIndexOf = (siblings: readonly unknown[], property: string): Map<string, number> => {
    let byProperty = firstIndexes.get(siblings);
    if (byProperty === undefined) {
      byProperty = new Map();
      firstIndexes.set(siblings, byProperty);
    }
    let first = byProperty.get(property);
    if (first === undefined) {
      first = new Map();
      siblings.forEach((sibling, index) => {
        if (typeof sibling !== 'object' || sibling === null) return;
        const siblingKey = key((sibling as Record<string, unknown>)[property]);
        if (siblingKey !== undefined && !first?.has(siblingKey)) first?.set(siblingKey, index);
      });
      byProperty.set(property, first);
    }
    return first;
  };
  return ValidateBy({
    name: IS_UNIQUE_IN_CLAIM,
    validator: {
      validate: (value: unknown, args?: ValidationArguments): boolean => {
        const context = args === undefined ? undefined : claimContextOf(args.object);
        const own = key(value);
        if (
          args === undefined ||
          context?.siblings === undefined ||
          context.index === undefined ||
          own === undefined
        ) {
          return true;
        }
        return (firstIndexOf(context.siblings, args.property).get(own) ?? context.index) >= context.index;
      },
      defaultMessage: (): string => '$property must be unique within the claim',
    },
  });
}

/** The property (a calendar date) must lie within the claim's serviceDateFrom..serviceDateTo. */
export function IsWithinClaimServiceDates(): PropertyDecorator {
  return ValidateBy({
    name: IS_WITHIN_CLAIM_SERVICE_DATES,
    validator: {
      validate: (value: unknown, args?: ValidationArguments): boolean => {
        const claim = args === undefined ? undefined : claimContextOf(args.object)?.claim;
        if (claim === undefined || typeof value !== 'string' || !isCalendarDate(value)) return true;
        const from = claim['serviceDateFrom'];
        const to = claim['serviceDateTo'];
        if (typeof from === 'string' && isCalendarDate(from) && value < from) return false;
        if (typeof to === 'string' && isCalendarDate(to) && value > to) return false;
        return true;
      },
      defaultMessage: (): string => '$property must be within the claim serviceDateFrom to serviceDateTo',
    },
  });
}

/** The property (a calendar date) must equal the claim's serviceDateFrom. */
export function EqualsClaimServiceDateFrom(): PropertyDecorator {
  return ValidateBy({
    name: EQUALS_CLAIM_SERVICE_DATE_FROM,
    validator: {
      validate: (value: unknown, args?: ValidationArguments): boolean => {
        const from = args === undefined ? undefined : claimContextOf(args.object)?.claim['serviceDateFrom'];
        if (typeof value !== 'string' || !isCalendarDate(value)) return true;
        if (typeof from !== 'string' || !isCalendarDate(from)) return true;
        return value === from;
      },
      defaultMessage: (): string => '$property must equal the claim serviceDateFrom',
    },
  });
}
