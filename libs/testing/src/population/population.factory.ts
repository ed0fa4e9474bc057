import { planHouseholdCare } from './care-plan.generator';
import { renderHouseholdClaims } from './claim-render.util';
import { createGenerationContext, type GenerationContext } from './generation-context';
import { generateHouseholdMembers } from './household.generator';
import { buildMemberProfiles } from './member-profile.builder';
import { CHRONIC_CONDITION_KEYS } from './population-code-sets';
import type {
  ChronicConditionKey,
  ClaimSubmissionPlain,
  MemberProfile,
  MemberRecordPlain,
  PopulationOptions,
  PopulationProfile,
} from './population.types';
import type { ProviderPool } from './provider-pool.generator';

/** One household: its members (subscriber first), their claims in arrival order, and what was planted. */
export interface GeneratedHousehold {
  readonly index: number;
  readonly members: MemberRecordPlain[];
  readonly claims: ClaimSubmissionPlain[];
  readonly profiles: MemberProfile[];
}

/** A lazily generated synthetic population; every method restarts from the seed and yields the same output. */
export interface Population {
  /** The options with defaults applied. */
  readonly options: Readonly<Required<PopulationOptions>>;
  /** First day of claims history (`YYYY-MM-DD`). */
  readonly historyStart: string;
  /** Practices, clinicians, facilities and pharmacies the claims bill with (derived from the seed only). */
  readonly providers: ProviderPool;
  /** Household `index` (0 … households − 1) on its own, without generating the others. */
  household(index: number): GeneratedHousehold;
  households(): Generator<GeneratedHousehold>;
  /** Members only (claims are not generated, so this is cheap). */
  members(): Generator<MemberRecordPlain>;
  /** All claim submissions, household by household (within a household in arrival order). */
  claims(): Generator<ClaimSubmissionPlain>;
  /** What was planted per member (claims are planned but not rendered). */
  profiles(): Generator<MemberProfile>;
  /** Aggregate counts over the whole population (walks all households once). */
  summarize(): PopulationProfile;
}

/** Creates a deterministic synthetic population of a health plan. */
export function createPopulation(options: PopulationOptions): Population {
  const context = createGenerationContext(options);
  const resolved: Readonly<Required<PopulationOptions>> = {
    seed: context.seed,
    households: context.households,
    asOf: context.asOf,
    monthsOfHistory: context.monthsOfHistory,
  };

  const household = (index: number): GeneratedHousehold => {
    assertIndex(context, index);
    const draft = generateHouseholdMembers(context, index);
    const plan = planHouseholdCare(context, draft);
    return {
      index,
      members: draft.members.map((member) => member.record),
      claims: renderHouseholdClaims(context.seed, index, plan.drafts, context.days),
      profiles: buildMemberProfiles(plan.members, plan.drafts, context.asOfDay, context.days),
    };
  };

  function* profiles(): Generator<MemberProfile> {
    for (let index = 0; index < context.households; index += 1) {
      const plan = planHouseholdCare(context, generateHouseholdMembers(context, index));
      yield* buildMemberProfiles(plan.members, plan.drafts, context.asOfDay, context.days);
    }
  }

  return {
    options: resolved,
    historyStart: context.days.format(context.historyStartDay),
    providers: context.providers,
    household,
    *households() {
      for (let index = 0; index < context.households; index += 1) yield household(index);
    },
    *members() {
      for (let index = 0; index < context.households; index += 1) {
        for (const member of generateHouseholdMembers(context, index).members) yield member.record;
      }
    },
    *claims() {
      for (let index = 0; index < context.households; index += 1) {
        const plan = planHouseholdCare(context, generateHouseholdMembers(context, index));
        yield* renderHouseholdClaims(context.seed, index, plan.drafts, context.days);
      }
    },
    profiles,
    summarize: () => summarize(context, profiles()),
  };
}

function assertIndex(context: GenerationContext, index: number): void {
  if (!Number.isInteger(index) || index < 0 || index >= context.households) {
    throw new RangeError(`household index must be an integer 0…${context.households - 1}`);
  }
}

function summarize(context: GenerationContext, profiles: Iterable<MemberProfile>): PopulationProfile {
  const conditionCounts = Object.fromEntries(CHRONIC_CONDITION_KEYS.map((key) => [key, 0])) as Record<
    ChronicConditionKey,
    number
  >;
  const adultCounts = Object.fromEntries(CHRONIC_CONDITION_KEYS.map((key) => [key, 0])) as Record<
    ChronicConditionKey,
    number
  >;
  const claims = { originals: 0, replacements: 0, voids: 0, denied: 0, pending: 0, total: 0 };
  let members = 0;
  let adults = 0;
  let deceased = 0;
  let nearMisses = 0;
  let plantedLateRefill = 0;
  let openRefillGap = 0;
  for (const profile of profiles) {
    members += 1;
    const adult = profile.ageAtAsOf >= 18;
    if (adult) adults += 1;
    if (profile.deceasedDate !== undefined) deceased += 1;
    for (const { condition } of profile.conditions) {
      conditionCounts[condition] += 1;
      if (adult) adultCounts[condition] += 1;
    }
    nearMisses += profile.nearMisses.length;
    if (profile.medications.some((medication) => medication.plantedLateRefill !== undefined))
      plantedLateRefill += 1;
    if (
      profile.medications.some((medication) =>
        medication.refillGaps.some((gap) => gap.nextFillDate === undefined),
      )
    )
      openRefillGap += 1;
    const counts = profile.claimCounts;
    claims.originals += counts.originals;
    claims.replacements += counts.replacements;
    claims.voids += counts.voids;
    claims.denied += counts.denied;
    claims.pending += counts.pending;
  }
  claims.total = claims.originals + claims.replacements + claims.voids;
  const adultPrevalence = Object.fromEntries(
    CHRONIC_CONDITION_KEYS.map((key) => [
      key,
      adults === 0 ? 0 : Math.round((adultCounts[key] / adults) * 10000) / 10000,
    ]),
  ) as Record<ChronicConditionKey, number>;
  return {
    seed: context.seed,
    asOf: context.asOf,
    historyStart: context.days.format(context.historyStartDay),
    households: context.households,
    members,
    adults,
    deceased,
    conditionCounts,
    adultPrevalence,
    nearMisses,
    membersWithPlantedLateRefill: plantedLateRefill,
    membersWithOpenRefillGap: openRefillGap,
    claims,
  };
}
