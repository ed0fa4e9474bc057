import { PLAN_TYPES, type Relationship } from '@care/contracts';
import { sourceOf, type FieldSource, type MappingIssue } from '../mapping/field-sources';
import { x12Date } from '../mapping/x12-values';
import { element, findSegment, type PositionedSegment } from '../structure/positioned-segment';
import type { Member834Unit } from './member-834-set.reader';

/** What a member loop asks of the roster: add or change the member (021, 001, 025, 030), or end their coverage (024). */
export type MemberAction = 'upsert' | 'terminate';

/**
 * One member loop of an 834 mapped to the fields of a MemberRecord it carries, with where each came from. The
 * roster's own values fill what an 834 does not carry (docs/x12-834.md): the merge happens at intake, under the
 * roster's lock.
 */
export interface MemberChange834 {
  readonly position: number;
  readonly action: MemberAction;
  /** INS03. */
  readonly maintenance: string;
  readonly memberId?: string;
  /** Fields of a MemberRecord the 834 gives (plain JSON). */
  readonly fields: Readonly<Record<string, unknown>>;
  /** For a termination: the last covered day. */
  readonly terminationDate?: string;
  readonly sources: ReadonlyMap<string, FieldSource>;
  readonly issues: readonly MappingIssue[];
  /** The INS segment: where an error without a better place is reported. */
  readonly memberSource: FieldSource;
}

/** INS03 maintenance type codes the platform applies, and what each does. */
export const MAINTENANCE_ACTIONS: Readonly<Record<string, MemberAction>> = {
  '021': 'upsert', // addition
  '001': 'upsert', // change
  '025': 'upsert', // reinstatement
  '030': 'upsert', // audit or compare: the record as the sponsor has it
  '024': 'terminate', // cancellation or termination
};

/** INS02 individual relationship codes and the roster's family relationship each is. */
export const INDIVIDUAL_RELATIONSHIPS: Readonly<Record<string, Relationship>> = {
  '18': 'subscriber',
  '01': 'spouse',
  '53': 'domestic-partner',
  '19': 'child',
  '09': 'child', // adopted child
  '10': 'child', // foster child
  '15': 'child', // ward
  '17': 'child', // stepson or stepdaughter
  '03': 'parent',
  '16': 'parent', // stepparent
  '13': 'parent-in-law',
};

/** DMG03 gender codes. */
const SEXES: Readonly<Record<string, string>> = { F: 'female', M: 'male', U: 'unknown' };

/** HD03 insurance line codes of medical coverage: the roster's plan comes from the first such HD loop. */
const MEDICAL_LINES = ['HLT', 'HMO', 'PPO', 'EPO', 'POS'];

/** LUI02 NISO Z39.53 (LUI01 LD) language codes the platform knows, as ISO 639-1. */
const NISO_LANGUAGES: Readonly<Record<string, string>> = {
  ENG: 'en',
  SPA: 'es',
  FRE: 'fr',
  CHI: 'zh',
  VIE: 'vi',
  KOR: 'ko',
  RUS: 'ru',
  ARA: 'ar',
  POR: 'pt',
  GER: 'de',
  ITA: 'it',
  JPN: 'ja',
  HAT: 'ht',
  POL: 'pl',
  TGL: 'tl',
};

/**
 * Maps one member loop of an 834. Pure. Never puts the SSN (NM108 34) in the roster: the member id is NM109 with
 * NM108 ZZ (the plan's member id), or for the subscriber REF*0F. What the mapping itself refuses (a maintenance
 * code or relationship the roster does not know, a date that is not D8) is returned as issues with the segment and
 * element; no message holds a value.
 */
export function mapMember834(unit: Member834Unit): MemberChange834 {
  const ins = unit.segments[0];
  const memberSource: FieldSource = { tag: 'INS', position: ins.position, loop: '2000', element: 0 };
  const fields: Record<string, unknown> = {};
  const sources = new Map<string, FieldSource>([['(root)', memberSource]]);
  const issues: MappingIssue[] = [];
  const issue = (
    field: string,
    message: string,
    source: FieldSource,
    code: MappingIssue['code'] = '7',
  ): void => {
    issues.push({ field, message, source, code });
  };
  const set = (field: string, value: unknown, source: FieldSource): void => {
    sources.set(field, source);
    if (value !== undefined && value !== '') fields[field] = value;
  };
  const date = (
    field: string,
    entry: PositionedSegment,
    position: number,
    reference: string,
  ): string | undefined => {
    const source = sourceOf(entry, position, { reference });
    sources.set(field, source);
    const text = element(entry.segment, position);
    if (text === '') return undefined;
    const parsed = x12Date(text);
    if (parsed === undefined)
      issue(
        field,
        `${entry.segment.tag}${String(position).padStart(2, '0')} must be a date CCYYMMDD`,
        source,
        '8',
      );
    return parsed;
  };
  const memberLevel = unit.segments.filter((entry) => entry.loop === '2000');
  const nameLoop = unit.segments.filter((entry) => entry.loop === '2100A');

  // Maintenance.
  const maintenance = element(ins.segment, 3);
  const action = MAINTENANCE_ACTIONS[maintenance];
  if (action === undefined) {
    issue(
      '(maintenance)',
      'INS03 must be 021 (addition), 001 (change), 024 (termination), 025 (reinstatement) or 030 (audit or compare)',
      sourceOf(ins, 3, { reference: '875' }),
      maintenance === '' ? '1' : '7',
    );
  }

  // Identity and family.
  const subscriberRef = findSegment(memberLevel, 'REF', '0F');
  const subscriberId = subscriberRef === undefined ? '' : element(subscriberRef.segment, 2);
  if (subscriberRef !== undefined)
    set('subscriberId', subscriberId, sourceOf(subscriberRef, 2, { reference: '127' }));
  const isSubscriber = element(ins.segment, 1) === 'Y';
  const relationship = INDIVIDUAL_RELATIONSHIPS[element(ins.segment, 2)];
  const relationshipSource = sourceOf(ins, 2, { reference: '1069' });
  sources.set('relationship', relationshipSource);
  if (relationship === undefined) {
    issue(
      'relationship',
      'INS02 must be an individual relationship code the roster knows (18, 01, 53, 19, 09, 10, 15, 17, 03, 16, 13)',
      relationshipSource,
    );
  } else if (isSubscriber !== (relationship === 'subscriber')) {
    issue(
      'relationship',
      'INS01 is Y for the subscriber (INS02 18) and N for a dependent',
      sourceOf(ins, 1, { reference: '1073' }),
    );
  } else {
    fields['relationship'] = relationship;
  }
  const name = findSegment(nameLoop, 'NM1');
  let memberId: string | undefined;
  if (name !== undefined && element(name.segment, 8) === 'ZZ' && element(name.segment, 9) !== '') {
    memberId = element(name.segment, 9);
    sources.set('memberId', sourceOf(name, 9, { reference: '67' }));
  } else if (isSubscriber && subscriberId !== '') {
    memberId = subscriberId;
    sources.set('memberId', sourceOf(subscriberRef as PositionedSegment, 2, { reference: '127' }));
  } else {
    issue(
      'memberId',
      "a dependent needs the plan's member id in NM109 with NM108 ZZ (an SSN, NM108 34, is never used as the member id)",
      name === undefined ? memberSource : sourceOf(name, 8, { reference: '66' }),
      '1',
    );
  }
  if (memberId !== undefined) fields['memberId'] = memberId;

  // Demographics.
  if (name !== undefined) {
    set('lastName', element(name.segment, 3), sourceOf(name, 3, { reference: '1035' }));
    set('firstName', element(name.segment, 4), sourceOf(name, 4, { reference: '1036' }));
  }
  const demographics = findSegment(nameLoop, 'DMG');
  if (demographics !== undefined) {
    const birthDate = date('birthDate', demographics, 2, '1251');
    if (birthDate !== undefined) fields['birthDate'] = birthDate;
    const sexSource = sourceOf(demographics, 3, { reference: '1068' });
    sources.set('sex', sexSource);
    const sex = SEXES[element(demographics.segment, 3)];
    if (sex === undefined) issue('sex', 'DMG03 must be F, M or U', sexSource);
    else fields['sex'] = sex;
  }
  if (element(ins.segment, 11) === 'D8') {
    const deceased = date('deceasedDate', ins, 12, '1251');
    if (deceased !== undefined) fields['deceasedDate'] = deceased;
  }
  const street = findSegment(nameLoop, 'N3');
  const city = findSegment(nameLoop, 'N4');
  if (street !== undefined && city !== undefined) {
    const postal = element(city.segment, 3);
    const address: Record<string, unknown> = {
      line1: element(street.segment, 1),
      ...(element(street.segment, 2) === '' ? {} : { line2: element(street.segment, 2) }),
      city: element(city.segment, 1),
      state: element(city.segment, 2),
      postalCode: /^\d{9}$/.test(postal) ? `${postal.slice(0, 5)}-${postal.slice(5)}` : postal,
    };
    fields['address'] = address;
    sources.set('address', sourceOf(street, 0));
    sources.set('address.line1', sourceOf(street, 1, { reference: '166' }));
    sources.set('address.line2', sourceOf(street, 2, { reference: '166' }));
    sources.set('address.city', sourceOf(city, 1, { reference: '19' }));
    sources.set('address.state', sourceOf(city, 2, { reference: '156' }));
    sources.set('address.postalCode', sourceOf(city, 3, { reference: '116' }));
  }
  const contact = findSegment(nameLoop, 'PER', 'IP');
  if (contact !== undefined) {
    for (const position of [3, 5, 7]) {
      const qualifier = element(contact.segment, position);
      const value = element(contact.segment, position + 1);
      if (value === '') continue;
      if (qualifier === 'EM' && fields['email'] === undefined) {
        set('email', value, sourceOf(contact, position + 1, { reference: '364' }));
      }
      if (['TE', 'HP', 'CP'].includes(qualifier) && fields['phone'] === undefined) {
        set('phone', value, sourceOf(contact, position + 1, { reference: '364' }));
      }
    }
  }
  const language = findSegment(nameLoop, 'LUI');
  if (language !== undefined) {
    const code = element(language.segment, 2);
    const iso =
      element(language.segment, 1) === 'LE' && /^[A-Za-z]{2}$/.test(code)
        ? code.toLowerCase()
        : element(language.segment, 1) === 'LD'
          ? NISO_LANGUAGES[code.toUpperCase()]
          : undefined;
    // A language the platform cannot name in ISO 639-1 leaves the member's language as it is.
    if (iso !== undefined) {
      set('language', iso, sourceOf(language, 2, { reference: '1476' }));
      sources.set('contactPreferences.language', sourceOf(language, 2, { reference: '1476' }));
    }
  }

  // Coverage: the first medical HD loop, else the member-level eligibility dates.
  const coverages = unit.segments.filter((entry) => entry.segment.tag === 'HD');
  const medical = coverages.find((entry) => MEDICAL_LINES.includes(element(entry.segment, 3)));
  const inCoverage = (start: PositionedSegment): PositionedSegment[] => {
    const next =
      coverages.find((entry) => entry.position > start.position)?.position ?? Number.POSITIVE_INFINITY;
    return unit.segments.filter(
      (entry) => entry.loop === '2300' && entry.position > start.position && entry.position < next,
    );
  };
  const coverageDates = medical === undefined ? [] : inCoverage(medical);
  const begin = findSegment(coverageDates, 'DTP', '348') ?? findSegment(memberLevel, 'DTP', '356');
  const end = findSegment(coverageDates, 'DTP', '349') ?? findSegment(memberLevel, 'DTP', '357');
  let terminationDate: string | undefined;
  if (medical !== undefined) {
    const line = element(medical.segment, 3);
    const description = element(medical.segment, 4)
      .toLowerCase()
      .replace(/[\s_]+/g, '-');
    const planSource = sourceOf(medical, line === 'HLT' ? 4 : 3, {
      reference: line === 'HLT' ? '1204' : '1205',
    });
    sources.set('planType', planSource);
    const planType = line === 'HLT' ? description : line.toLowerCase();
    if ((PLAN_TYPES as readonly string[]).includes(planType)) fields['planType'] = planType;
    else
      issue(
        'planType',
        `HD04 must name the plan type (${PLAN_TYPES.join(', ')}) when HD03 is HLT`,
        planSource,
      );
    if (begin !== undefined) {
      const effective = date('coverage.effectiveDate', begin, 3, '1251');
      if (effective !== undefined) {
        fields['coverage'] = { effectiveDate: effective };
        sources.set('coverage', sourceOf(begin, 3, { reference: '1251' }));
      }
    }
  }
  if (end !== undefined) {
    terminationDate = date('coverage.terminationDate', end, 3, '1251');
    const coverage = fields['coverage'] as Record<string, unknown> | undefined;
    if (coverage !== undefined && terminationDate !== undefined)
      coverage['terminationDate'] = terminationDate;
  }
  if (action === 'upsert' && maintenance === '021' && medical === undefined) {
    issue(
      'planType',
      'an addition needs its medical coverage: an HD loop with HD03 HLT, HMO, PPO, EPO or POS and its DTP*348',
      memberSource,
      '1',
    );
  }
  if (action === 'terminate' && terminationDate === undefined) {
    issue(
      'coverage.terminationDate',
      'a termination (INS03 024) needs the last covered day in DTP*349 of the HD loop or DTP*357 of the member',
      memberSource,
      '1',
    );
  }

  return {
    position: ins.position,
    action: action ?? 'upsert',
    maintenance,
    ...(memberId === undefined ? {} : { memberId }),
    fields,
    ...(terminationDate === undefined ? {} : { terminationDate }),
    sources,
    issues,
    memberSource,
  };
}
