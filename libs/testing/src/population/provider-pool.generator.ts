import {
  FEMALE_FIRST_NAMES,
  LAST_NAMES,
  MALE_FIRST_NAMES,
  PLACE_WORDS,
} from './population-demographics.data';
import type { ProviderRefPlain, RenderingProviderRefPlain } from './population.types';
import { npiWithCheckDigit } from './npi.util';
import { SeededRandom, mixSeed } from './seeded-random.util';

/** Kinds of professional practices in the pool. */
export type PracticeSpecialty =
  | 'family-medicine'
  | 'internal-medicine'
  | 'pediatrics'
  | 'cardiology'
  | 'endocrinology'
  | 'ophthalmology'
  | 'pulmonology'
  | 'nephrology'
  | 'behavioral-health'
  | 'gastroenterology'
  | 'radiology'
  | 'emergency-medicine';

/** Kinds of organizations that bill without individual clinicians in this generator. */
export type FacilityKind =
  'hospital' | 'skilled-nursing' | 'home-health' | 'laboratory' | 'pharmacy' | 'mail-order-pharmacy';

export interface Clinician {
  readonly npi: string;
  readonly name: string;
}

/** A practice: one TIN, an organizational NPI used as billing NPI, and its clinicians. */
export interface Practice {
  readonly specialty: PracticeSpecialty;
  readonly tin: string;
  readonly npi: string;
  readonly name: string;
  readonly clinicians: readonly Clinician[];
}

export interface Facility {
  readonly kind: FacilityKind;
  readonly tin: string;
  readonly npi: string;
  readonly name: string;
}

/** The providers a population bills with; derived from the seed only (not the household count). */
export interface ProviderPool {
  readonly practices: readonly Practice[];
  readonly facilities: readonly Facility[];
  readonly bySpecialty: Readonly<Record<PracticeSpecialty, readonly Practice[]>>;
  readonly byFacilityKind: Readonly<Record<FacilityKind, readonly Facility[]>>;
}

/** Practices per specialty in the default pool. */
export const PRACTICE_COUNTS: Readonly<Record<PracticeSpecialty, number>> = {
  'family-medicine': 28,
  'internal-medicine': 12,
  pediatrics: 10,
  cardiology: 4,
  endocrinology: 3,
  ophthalmology: 4,
  pulmonology: 3,
  nephrology: 2,
  'behavioral-health': 5,
  gastroenterology: 3,
  radiology: 3,
  'emergency-medicine': 3,
};

/** Facilities per kind in the default pool. */
export const FACILITY_COUNTS: Readonly<Record<FacilityKind, number>> = {
  hospital: 6,
  'skilled-nursing': 3,
  'home-health': 3,
  laboratory: 3,
  pharmacy: 12,
  'mail-order-pharmacy': 1,
};

const SPECIALTY_LABELS: Readonly<Record<PracticeSpecialty, string>> = {
  'family-medicine': 'Family Medicine',
  'internal-medicine': 'Internal Medicine',
  pediatrics: 'Pediatrics',
  cardiology: 'Cardiology Associates',
  endocrinology: 'Endocrinology',
  ophthalmology: 'Eye Care',
  pulmonology: 'Pulmonary Associates',
  nephrology: 'Kidney Care',
  'behavioral-health': 'Behavioral Health',
  gastroenterology: 'Gastroenterology',
  radiology: 'Imaging',
  'emergency-medicine': 'Emergency Physicians',
};

const FACILITY_LABELS: Readonly<Record<FacilityKind, string>> = {
  hospital: 'Regional Medical Center',
  'skilled-nursing': 'Skilled Nursing and Rehabilitation',
  'home-health': 'Home Health Services',
  laboratory: 'Clinical Laboratory',
  pharmacy: 'Pharmacy',
  'mail-order-pharmacy': 'Mail Order Pharmacy',
};

/** First two digits of valid IRS EIN prefixes (subset). */
const EIN_PREFIXES: readonly string[] = [
  '20',
  '26',
  '27',
  '30',
  '31',
  '33',
  '35',
  '36',
  '38',
  '45',
  '46',
  '47',
  '52',
  '54',
  '56',
  '61',
  '62',
  '75',
  '81',
  '84',
  '88',
  '91',
  '93',
];

/** Stream id of the provider pool within a population seed. */
const PROVIDER_STREAM = 0x70726f76;

/** Builds the deterministic provider pool of a seed. */
export function createProviderPool(seed: number): ProviderPool {
  const random = new SeededRandom(mixSeed(seed, PROVIDER_STREAM));
  const usedNpis = new Set<string>();
  const usedTins = new Set<string>();
  const nextNpi = (): string => {
    for (;;) {
      let base = String(random.int(1, 2));
      for (let i = 0; i < 8; i += 1) base += String(random.int(0, 9));
      const npi = npiWithCheckDigit(base);
      if (!usedNpis.has(npi)) {
        usedNpis.add(npi);
        return npi;
      }
    }
  };
  const nextTin = (): string => {
    for (;;) {
      let tin = random.pick(EIN_PREFIXES);
      for (let i = 0; i < 7; i += 1) tin += String(random.int(0, 9));
      if (!usedTins.has(tin)) {
        usedTins.add(tin);
        return tin;
      }
    }
  };
  const usedNames = new Set<string>();
  const uniqueName = (label: string): string => {
    for (let attempt = 0; ; attempt += 1) {
      const name =
        attempt < 20
          ? `${random.pick(PLACE_WORDS)} ${label}`
          : `${random.pick(PLACE_WORDS)} ${label} ${attempt}`;
      if (!usedNames.has(name)) {
        usedNames.add(name);
        return name;
      }
    }
  };

  const practices: Practice[] = [];
  const bySpecialty = {} as Record<PracticeSpecialty, Practice[]>;
  for (const specialty of Object.keys(PRACTICE_COUNTS) as PracticeSpecialty[]) {
    bySpecialty[specialty] = [];
    for (let i = 0; i < PRACTICE_COUNTS[specialty]; i += 1) {
      const clinicians: Clinician[] = [];
      const size = random.int(2, 8);
      for (let c = 0; c < size; c += 1) {
        const first = random.chance(0.5) ? random.pick(FEMALE_FIRST_NAMES) : random.pick(MALE_FIRST_NAMES);
        const credential = random.weighted<string>([
          ['MD', 70],
          ['DO', 15],
          ['NP', 10],
          ['PA', 5],
        ]);
        clinicians.push({ npi: nextNpi(), name: `${first} ${random.pick(LAST_NAMES)}, ${credential}` });
      }
      const practice: Practice = {
        specialty,
        tin: nextTin(),
        npi: nextNpi(),
        name: uniqueName(SPECIALTY_LABELS[specialty]),
        clinicians,
      };
      practices.push(practice);
      bySpecialty[specialty].push(practice);
    }
  }

  const facilities: Facility[] = [];
  const byFacilityKind = {} as Record<FacilityKind, Facility[]>;
  for (const kind of Object.keys(FACILITY_COUNTS) as FacilityKind[]) {
    byFacilityKind[kind] = [];
    for (let i = 0; i < FACILITY_COUNTS[kind]; i += 1) {
      const facility: Facility = {
        kind,
        tin: nextTin(),
        npi: nextNpi(),
        name: uniqueName(FACILITY_LABELS[kind]),
      };
      facilities.push(facility);
      byFacilityKind[kind].push(facility);
    }
  }
  return { practices, facilities, bySpecialty, byFacilityKind };
}

/** Billing provider reference of a practice or facility. */
export function billingRef(provider: Practice | Facility): ProviderRefPlain {
  return { npi: provider.npi, tin: provider.tin, name: provider.name };
}

/** Rendering provider reference of a clinician in a practice. */
export function renderingRef(practice: Practice, clinician: Clinician): RenderingProviderRefPlain {
  return { npi: clinician.npi, tin: practice.tin, name: clinician.name };
}
