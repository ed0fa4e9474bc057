import { addMonths, ageOn, endOfMonth, startOfMonth } from './calendar-date.util';
import { STREAM, type GenerationContext } from './generation-context';
import {
  EMAIL_DOMAINS,
  FEMALE_FIRST_NAMES,
  HISPANIC_FEMALE_FIRST_NAMES,
  HISPANIC_LAST_NAMES,
  HISPANIC_MALE_FIRST_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  PLACES,
  STREET_NAMES,
  STREET_SUFFIXES,
} from './population-demographics.data';
import type {
  AddressPlain,
  AdministrativeSex,
  ContactChannel,
  MemberOptOut,
  MemberRecordPlain,
  MemberRelationship,
  PlanType,
} from './population.types';
import type { Clinician, Facility, Practice } from './provider-pool.generator';
import { SeededRandom, mixSeed } from './seeded-random.util';

/** A generated member with the generator's private facts about them. */
export interface MemberDraft {
  readonly record: MemberRecordPlain;
  readonly householdIndex: number;
  readonly birthDay: number;
  readonly ageAtAsOf: number;
  readonly sex: AdministrativeSex;
  /** First and last day the member may have claims (coverage ∩ history ∩ life); from > to means none. */
  readonly activeFrom: number;
  readonly activeTo: number;
  readonly planType: PlanType;
  /** The practice and clinician the member usually sees (attributed or not). */
  readonly practice: Practice;
  readonly clinician: Clinician;
  readonly pharmacy: Facility;
  readonly mailOrderPharmacy: Facility;
}

export interface HouseholdDraft {
  readonly index: number;
  readonly members: readonly MemberDraft[];
}

/** Plan type mix of households. */
export const PLAN_TYPE_WEIGHTS: readonly (readonly [PlanType, number])[] = [
  ['ppo', 30],
  ['hmo', 20],
  ['hdhp', 15],
  ['pos', 8],
  ['epo', 7],
  ['medicare-advantage', 12],
  ['medicaid-managed-care', 8],
];

/** Household size beyond the subscriber (commercial plans): 0–4 others. */
const OTHERS_WEIGHTS: readonly (readonly [number, number])[] = [
  [0, 28],
  [1, 24],
  [2, 20],
  [3, 17],
  [4, 11],
];

const OPT_OUT_RATES: readonly (readonly [MemberOptOut, number])[] = [
  ['care-management', 0.04],
  ['care-alerts', 0.03],
  ['surveys', 0.08],
];

interface HouseholdTraits {
  readonly planType: PlanType;
  readonly administeredByPlan: boolean;
  readonly language: string;
  readonly hispanicNames: boolean;
  readonly lastName: string;
  readonly address: AddressPlain | undefined;
  readonly areaCode: string;
  readonly effectiveDay: number;
  readonly terminationDay: number | undefined;
  readonly adultPractice: Practice;
  readonly childPractice: Practice;
  readonly pharmacy: Facility;
  readonly mailOrderPharmacy: Facility;
}

interface PersonSpec {
  readonly relationship: MemberRelationship;
  readonly age: number;
  readonly sex: AdministrativeSex;
  readonly lastName: string;
}

/** Generates the members of household `index` (0-based); depends only on (seed, index) and the options. */
export function generateHouseholdMembers(context: GenerationContext, index: number): HouseholdDraft {
  const random = new SeededRandom(mixSeed(context.seed, index, STREAM.members));
  const traits = householdTraits(context, random);
  const specs = householdPeople(random, traits);
  const members: MemberDraft[] = [];
  const subscriberId = memberIdOf(context.seed, index, 1);
  specs.forEach((spec, position) => {
    members.push(buildMember(context, random, traits, spec, index, position + 1, subscriberId));
  });
  return { index, members };
}

/** Member id format: `M<seed>-<household>-<ordinal>` (ordinal 1 is the subscriber). */
export function memberIdOf(seed: number, householdIndex: number, ordinal: number): string {
  return `M${seed}-${householdIndex}-${ordinal}`;
}

function householdTraits(context: GenerationContext, random: SeededRandom): HouseholdTraits {
  const planType = random.weighted(PLAN_TYPE_WEIGHTS);
  const publicPlan = planType === 'medicare-advantage' || planType === 'medicaid-managed-care';
  const administeredByPlan = publicPlan || random.chance(0.45);
  const language = random.weighted<string>([
    ['en', planType === 'medicaid-managed-care' ? 66 : 85],
    ['es', planType === 'medicaid-managed-care' ? 30 : 12],
    ['vi', 1.5],
    ['zh', 1.5],
  ]);
  const hispanicNames = language === 'es' || random.chance(0.12);
  const lastName = random.pick(hispanicNames ? HISPANIC_LAST_NAMES : LAST_NAMES);
  const [city, state, zipPrefix, areaCode] = random.pick(PLACES);
  let postalCode = `${zipPrefix}${String(random.int(0, 99)).padStart(2, '0')}`;
  if (random.chance(0.2)) postalCode += `-${String(random.int(0, 9999)).padStart(4, '0')}`;
  const address: AddressPlain | undefined = random.chance(0.97)
    ? {
        line1: `${random.int(1, 9899)} ${random.pick(STREET_NAMES)} ${random.pick(STREET_SUFFIXES)}`,
        ...(random.chance(0.15)
          ? { line2: `Apt ${random.int(1, 40)}${random.pick(['', 'A', 'B', 'C'])}` }
          : {}),
        city,
        state,
        postalCode,
      }
    : undefined;

  const historyStart = context.historyStartDay;
  const asOf = context.asOfDay;
  const joinedDuringHistory = asOf - historyStart > 90 && random.chance(0.12);
  const effectiveDay = joinedDuringHistory
    ? startOfMonth(random.int(historyStart + 31, asOf - 30))
    : startOfMonth(historyStart - random.int(1, 8 * 365));
  let terminationDay: number | undefined;
  if (random.chance(0.06)) {
    const earliest = Math.max(effectiveDay, historyStart) + 60;
    if (earliest < asOf - 1) terminationDay = endOfMonth(random.int(earliest, asOf - 1));
  }

  const { bySpecialty, byFacilityKind } = context.providers;
  const adultPractice = random.chance(planType === 'medicare-advantage' ? 0.5 : 0.72)
    ? random.pick(bySpecialty['family-medicine'])
    : random.pick(bySpecialty['internal-medicine']);
  const childPractice =
    adultPractice.specialty === 'family-medicine' && random.chance(0.45)
      ? adultPractice
      : random.pick(bySpecialty.pediatrics);
  return {
    planType,
    administeredByPlan,
    language,
    hispanicNames,
    lastName,
    address,
    areaCode,
    effectiveDay,
    terminationDay,
    adultPractice,
    childPractice,
    pharmacy: random.pick(byFacilityKind.pharmacy),
    mailOrderPharmacy: random.pick(byFacilityKind['mail-order-pharmacy']),
  };
}

function randomSex(random: SeededRandom): AdministrativeSex {
  return random.weighted<AdministrativeSex>([
    ['female', 52],
    ['male', 47.5],
    ['other', 0.3],
    ['unknown', 0.2],
  ]);
}

function otherSex(random: SeededRandom, sex: AdministrativeSex, sameSexShare: number): AdministrativeSex {
  if (sex !== 'female' && sex !== 'male') return random.chance(0.5) ? 'female' : 'male';
  const same = random.chance(sameSexShare);
  return (sex === 'female') === same ? 'female' : 'male';
}

/** Who lives in the household: the subscriber first, then the others. */
function householdPeople(random: SeededRandom, traits: HouseholdTraits): PersonSpec[] {
  const lastNames = traits.hispanicNames ? HISPANIC_LAST_NAMES : LAST_NAMES;
  const people: PersonSpec[] = [];
  const plan = traits.planType;
  const subscriberAge =
    plan === 'medicare-advantage'
      ? random.int(65, 92)
      : plan === 'medicaid-managed-care'
        ? random.int(18, 55)
        : random.int(22, 64);
  const subscriberSex = randomSex(random);
  people.push({
    relationship: 'subscriber',
    age: subscriberAge,
    sex: subscriberSex,
    lastName: traits.lastName,
  });

  if (plan === 'medicare-advantage') {
    if (random.chance(0.45)) {
      const lastName = random.chance(0.15) ? random.pick(lastNames) : traits.lastName;
      people.push({
        relationship: 'spouse',
        age: random.int(65, 92),
        sex: otherSex(random, subscriberSex, 0.05),
        lastName,
      });
    }
    return people;
  }

  let others = random.weighted(OTHERS_WEIGHTS);
  if (plan === 'medicaid-managed-care' && others > 0 && random.chance(0.6)) {
    // Single parent with children.
  } else if (others > 0 && random.chance(0.75)) {
    const domesticPartner = random.chance(0.12);
    const lastName = random.chance(domesticPartner ? 0.7 : 0.25) ? random.pick(lastNames) : traits.lastName;
    const age = Math.max(18, Math.min(90, subscriberAge + random.int(-8, 8)));
    people.push({
      relationship: domesticPartner ? 'domestic-partner' : 'spouse',
      age,
      sex: otherSex(random, subscriberSex, 0.06),
      lastName,
    });
    others -= 1;
  }
  if (others > 0 && subscriberAge <= 62 && random.chance(0.07)) {
    const partner = people[1];
    const inLaw = partner !== undefined && random.chance(0.5);
    people.push({
      relationship: inLaw ? 'parent-in-law' : 'parent',
      age: Math.min(95, subscriberAge + random.int(20, 34)),
      sex: random.chance(0.6) ? 'female' : 'male',
      lastName: inLaw
        ? (partner?.lastName ?? random.pick(lastNames))
        : random.chance(0.5)
          ? traits.lastName
          : random.pick(lastNames),
    });
    others -= 1;
  }
  const youngestParentAge = Math.min(
    ...people
      .filter((p) => p.relationship !== 'parent' && p.relationship !== 'parent-in-law')
      .map((p) => p.age),
  );
  const maxChildAge = Math.min(25, youngestParentAge - 18);
  for (; others > 0 && maxChildAge >= 0; others -= 1) {
    const otherDependent = random.chance(0.03);
    const age = otherDependent ? random.int(0, Math.min(18, maxChildAge)) : random.int(0, maxChildAge);
    const sex: AdministrativeSex = random.chance(0.004) ? 'unknown' : random.chance(0.5) ? 'female' : 'male';
    const lastName = random.chance(0.9) ? traits.lastName : random.pick(lastNames);
    people.push({ relationship: otherDependent ? 'other-dependent' : 'child', age, sex, lastName });
  }
  return people;
}

/** Probability of death within the history window by age. */
function deathRate(age: number): number {
  if (age < 50) return 0.0005;
  if (age < 65) return 0.003;
  if (age < 80) return 0.015;
  return 0.05;
}

function asciiLocalPart(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z]/g, '')
    .toLowerCase();
}

function buildMember(
  context: GenerationContext,
  random: SeededRandom,
  traits: HouseholdTraits,
  spec: PersonSpec,
  householdIndex: number,
  ordinal: number,
  subscriberId: string,
): MemberDraft {
  const { asOfDay, historyStartDay, days } = context;
  let birthDay = addMonths(asOfDay, -12 * spec.age) - random.int(0, 364);
  // A dependent cannot join after the household's coverage ended: infants are born before it ends.
  if (traits.terminationDay !== undefined && birthDay > traits.terminationDay - 30)
    birthDay = traits.terminationDay - 30;
  const ageAtAsOf = ageOn(birthDay, asOfDay);
  const female = spec.sex === 'female' || (spec.sex !== 'male' && random.chance(0.5));
  const firstNames = traits.hispanicNames
    ? female
      ? HISPANIC_FEMALE_FIRST_NAMES
      : HISPANIC_MALE_FIRST_NAMES
    : female
      ? FEMALE_FIRST_NAMES
      : MALE_FIRST_NAMES;
  const firstName = random.pick(firstNames);

  const effectiveDay = Math.max(traits.effectiveDay, birthDay);
  let terminationDay = traits.terminationDay;
  let deceasedDay: number | undefined;
  const firstPossible = Math.max(effectiveDay, historyStartDay) + 30;
  const lastPossible = Math.min(asOfDay, terminationDay ?? asOfDay);
  if (firstPossible < lastPossible && random.chance(deathRate(ageAtAsOf))) {
    deceasedDay = random.int(firstPossible, lastPossible);
    const end = endOfMonth(deceasedDay);
    terminationDay = terminationDay === undefined ? end : Math.min(terminationDay, end);
  }

  const adult = ageAtAsOf >= 18;
  const publicPlan = traits.planType === 'medicare-advantage' || traits.planType === 'medicaid-managed-care';
  let email: string | undefined;
  let phone: string | undefined;
  let emailConsent = false;
  let preferredChannel: ContactChannel = 'mail';
  if (adult) {
    if (
      random.chance(
        traits.planType === 'medicare-advantage'
          ? 0.5
          : traits.planType === 'medicaid-managed-care'
            ? 0.45
            : 0.74,
      )
    ) {
      email = `${asciiLocalPart(firstName)}.${asciiLocalPart(spec.lastName)}${random.int(1, 999)}@${random.pick(EMAIL_DOMAINS)}`;
      emailConsent = random.chance(0.85);
    }
    if (random.chance(0.65)) phone = `${traits.areaCode}555${String(random.int(0, 9999)).padStart(4, '0')}`;
    if (email !== undefined && emailConsent && random.chance(traits.language === 'es' ? 0.7 : 0.9))
      preferredChannel = 'email';
    else if (phone !== undefined && random.chance(0.2)) preferredChannel = 'phone';
  }

  const practice = ageAtAsOf < 18 ? traits.childPractice : traits.adultPractice;
  const clinician = random.pick(practice.clinicians);
  const attributed = random.chance(traits.planType === 'hmo' || publicPlan ? 0.95 : 0.82);

  const optOuts: MemberOptOut[] = [];
  for (const [optOut, rate] of OPT_OUT_RATES) if (random.chance(rate)) optOuts.push(optOut);

  // Keys are inserted in the contract's field order so serialized members read naturally.
  const record: Partial<MemberRecordPlain> = {
    memberId: memberIdOf(context.seed, householdIndex, ordinal),
    subscriberId,
    relationship: spec.relationship,
    firstName,
    lastName: spec.lastName,
    birthDate: days.format(birthDay),
    sex: spec.sex,
  };
  if (deceasedDay !== undefined) record.deceasedDate = days.format(deceasedDay);
  if (traits.address !== undefined) record.address = { ...traits.address };
  if (email !== undefined) record.email = email;
  if (phone !== undefined) record.phone = phone;
  record.contactPreferences = { preferredChannel, language: traits.language, emailConsent };
  if (attributed) record.attributedPcp = { npi: clinician.npi, tin: practice.tin, name: clinician.name };
  record.planType = traits.planType;
  record.planAdministeredByHealthPlan = traits.administeredByPlan;
  record.coverage =
    terminationDay === undefined
      ? { effectiveDate: days.format(effectiveDay) }
      : { effectiveDate: days.format(effectiveDay), terminationDate: days.format(terminationDay) };
  record.optOuts = optOuts;

  const activeFrom = Math.max(historyStartDay, effectiveDay, birthDay);
  const activeTo = Math.min(asOfDay, terminationDay ?? asOfDay, deceasedDay ?? asOfDay);
  return {
    record: record as MemberRecordPlain,
    householdIndex,
    birthDay,
    ageAtAsOf,
    sex: spec.sex,
    activeFrom,
    activeTo,
    planType: traits.planType,
    practice,
    clinician,
    pharmacy: traits.pharmacy,
    mailOrderPharmacy: traits.mailOrderPharmacy,
  };
}
