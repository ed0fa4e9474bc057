import type { DrugClass } from '../conditions/drug-class.types';
import { DRUG_CLASS_DEFINITIONS, type DrugClassDefinition } from './drug-class-definitions.data';

/** What classification looks at in a row of the NDC Directory's product file (lists already split). */
export interface NdcProduct {
  /** `SUBSTANCENAME`, one entry per active ingredient ('ATORVASTATIN CALCIUM TRIHYDRATE'). */
  readonly substances: readonly string[];
  /** `PHARM_CLASSES`, one entry per class with its kind ('HMG-CoA Reductase Inhibitor [EPC]'). */
  readonly pharmClasses: readonly string[];
  /** `ROUTENAME`, one entry per route ('ORAL', 'RESPIRATORY (INHALATION)'). */
  readonly routes: readonly string[];
  /** `PROPRIETARYNAME`, the brand or generic name the product is marketed under ('Ozempic'); absent: not known. */
  readonly proprietaryName?: string;
}

const canonical = (value: string): string => value.trim().replace(/\s+/g, ' ').toUpperCase();

/** True when the substance is the ingredient itself or the ingredient with a salt or form ('LOSARTAN POTASSIUM'). */
const isIngredient = (substance: string, ingredient: string): boolean =>
  substance === ingredient || substance.startsWith(`${ingredient} `);

function matches(definition: DrugClassDefinition, product: NdcProduct): boolean {
  if (
    product.proprietaryName !== undefined &&
    (definition.excludedProprietaryNames ?? []).some(
      (name) => canonical(name) === canonical(product.proprietaryName ?? ''),
    )
  )
    return false;
  if (
    definition.routes !== undefined &&
    !product.routes.some((route) => definition.routes?.includes(canonical(route)))
  )
    return false;
  const pharmClasses = new Set(product.pharmClasses.map(canonical));
  if (definition.pharmClasses.some((pharmClass) => pharmClasses.has(canonical(pharmClass)))) return true;
  const substances = product.substances.map(canonical);
  return definition.ingredients.some((ingredient) =>
    substances.some((substance) => isIngredient(substance, ingredient)),
  );
}

/**
 * The platform drug class of a directory product: the first definition (precedence order) one of whose classes or
 * ingredients the product has, or null. Class strings compare without regard to case or repeated spaces; nothing
 * else is forgiven (a hyphenated "Angiotensin-Converting Enzyme Inhibitor [EPC]" is not the FDA string and does
 * not match, though the ingredient still would).
 */
export function drugClassOfProduct(
  product: NdcProduct,
  definitions: readonly DrugClassDefinition[] = DRUG_CLASS_DEFINITIONS,
): DrugClass | null {
  return definitions.find((definition) => matches(definition, product))?.drugClass ?? null;
}
