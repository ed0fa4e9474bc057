import { addMonths, formatDay, parseIsoDate } from './calendar-date.util';
import { CONDITION_RULES, matchesDiagnosis } from '@care/clinical';
import { isValidNpi } from '@care/contracts';
import { CHRONIC_CONDITION_KEYS, codeMatchesCondition } from './population-code-sets';
import { createPopulation, type GeneratedHousehold } from './population.factory';
import type {
  ChronicConditionKey,
  ClaimSubmissionPlain,
  MemberProfile,
  MemberRecordPlain,
} from './population.types';

const AS_OF = '2025-06-30';
const HOUSEHOLDS = 600;

function matches(code: string, condition: ChronicConditionKey): boolean {
  // The oracle is the clinical rule catalog (CLINICAL.md §2), not the generator's own tables.
  const rule = CONDITION_RULES.find((candidate) => candidate.id === condition);
  return rule !== undefined && matchesDiagnosis(rule, [code]);
}

/** The last version of every claim id, keeping only those not voided and not denied. */
function effectiveClaims(claims: readonly ClaimSubmissionPlain[]): ClaimSubmissionPlain[] {
  const last = new Map<string, ClaimSubmissionPlain>();
  for (const claim of claims) last.set(claim.claimId, claim);
  return [...last.values()].filter(
    (claim) => claim.frequency !== 'void' && claim.adjudicationStatus !== 'denied',
  );
}

/** Collects rule violations so a loop over thousands of claims makes one assertion (fast, readable failures). */
function violations<T>(
  items: Iterable<T>,
  check: (item: T, fail: (rule: string) => void) => void,
  describeItem: (item: T) => string,
): string[] {
  const found: string[] = [];
  for (const item of items) {
    check(item, (rule) => {
      if (found.length < 20) found.push(`${describeItem(item)}: ${rule}`);
    });
  }
  return found;
}

const claimLabel = (claim: ClaimSubmissionPlain): string => `${claim.claimId} v${claim.version}`;

function daysBetween(from: string, to: string): number {
  return parseIsoDate(to) - parseIsoDate(from);
}

describe('createPopulation', () => {
  const population = createPopulation({ seed: 20250630, households: HOUSEHOLDS, asOf: AS_OF });
  const households: GeneratedHousehold[] = [...population.households()];
  const members: MemberRecordPlain[] = households.flatMap((household) => household.members);
  const claims: ClaimSubmissionPlain[] = households.flatMap((household) => household.claims);
  const profiles: MemberProfile[] = households.flatMap((household) => household.profiles);
  const profileById = new Map(profiles.map((profile) => [profile.memberId, profile]));
  const effective = effectiveClaims(claims);
  const effectiveByMember = new Map<string, ClaimSubmissionPlain[]>();
  for (const claim of effective) {
    const list = effectiveByMember.get(claim.memberId);
    if (list === undefined) effectiveByMember.set(claim.memberId, [claim]);
    else list.push(claim);
  }

  it('produces a sizeable population', () => {
    expect(members.length).toBeGreaterThan(HOUSEHOLDS);
    expect(claims.length).toBeGreaterThan(HOUSEHOLDS * 20);
    expect(profiles.length).toBe(members.length);
  });

  describe('determinism', () => {
    it('gives byte-identical output for the same seed and options', () => {
      const again = createPopulation({ seed: 20250630, households: HOUSEHOLDS, asOf: AS_OF });
      expect(JSON.stringify([...again.households()])).toBe(JSON.stringify(households));
      expect(JSON.stringify([...again.claims()])).toBe(JSON.stringify(claims));
      expect(JSON.stringify([...again.members()])).toBe(JSON.stringify(members));
    });

    it('gives different output for a different seed', () => {
      const other = createPopulation({ seed: 20250631, households: 50, asOf: AS_OF });
      const otherMembers = [...other.members()].map(({ firstName, lastName, birthDate }) => ({
        firstName,
        lastName,
        birthDate,
      }));
      const ours = members
        .slice(0, otherMembers.length)
        .map(({ firstName, lastName, birthDate }) => ({ firstName, lastName, birthDate }));
      expect(otherMembers).not.toEqual(ours);
      expect(JSON.stringify([...other.claims()].slice(0, 50))).not.toBe(JSON.stringify(claims.slice(0, 50)));
    });

    it('generates any household on its own, independent of the household count', () => {
      const bigger = createPopulation({ seed: 20250630, households: HOUSEHOLDS * 10, asOf: AS_OF });
      expect(JSON.stringify(bigger.household(17))).toBe(JSON.stringify(households[17]));
      expect(JSON.stringify(population.household(HOUSEHOLDS - 1))).toBe(
        JSON.stringify(households[HOUSEHOLDS - 1]),
      );
      expect(() => population.household(HOUSEHOLDS)).toThrow(RangeError);
    });

    it('streams members, claims and profiles consistently with households()', () => {
      expect(JSON.stringify([...population.members()])).toBe(JSON.stringify(members));
      expect(JSON.stringify([...population.profiles()])).toBe(JSON.stringify(profiles));
      const streamed = [...population.claims()].map((claim) => `${claim.claimId}/${claim.version}`);
      expect(streamed).toEqual(claims.map((claim) => `${claim.claimId}/${claim.version}`));
    });

    it('validates options', () => {
      expect(() => createPopulation({ seed: -1, households: 1, asOf: AS_OF })).toThrow(RangeError);
      expect(() => createPopulation({ seed: 1.5, households: 1, asOf: AS_OF })).toThrow(RangeError);
      expect(() => createPopulation({ seed: 1, households: 1, asOf: '2025-02-30' })).toThrow(RangeError);
      expect(() => createPopulation({ seed: 1, households: 1, asOf: AS_OF, monthsOfHistory: 0 })).toThrow(
        RangeError,
      );
    });
  });

  describe('providers', () => {
    it('uses only NPIs with a valid Luhn check digit over 80840', () => {
      const npis = new Set<string>();
      for (const practice of population.providers.practices) {
        npis.add(practice.npi);
        for (const clinician of practice.clinicians) npis.add(clinician.npi);
      }
      for (const facility of population.providers.facilities) npis.add(facility.npi);
      for (const claim of claims) {
        npis.add(claim.billingProvider.npi);
        if (claim.renderingProvider !== undefined) npis.add(claim.renderingProvider.npi);
        if (claim.drug !== undefined) npis.add(claim.drug.prescriberNpi);
      }
      for (const member of members)
        if (member.attributedPcp !== undefined) npis.add(member.attributedPcp.npi);
      expect(npis.size).toBeGreaterThan(100);
      for (const npi of npis) {
        expect(isValidNpi(npi)).toBe(true);
      }
    });

    it('uses 9-digit TINs and unique NPIs per provider', () => {
      const all = [
        ...population.providers.practices.flatMap((p) => [p.npi, ...p.clinicians.map((c) => c.npi)]),
        ...population.providers.facilities.map((f) => f.npi),
      ];
      expect(new Set(all).size).toBe(all.length);
      expect(
        violations(
          claims,
          (claim, fail) => {
            if (!/^\d{9}$/.test(claim.billingProvider.tin)) fail('billing TIN');
          },
          claimLabel,
        ),
      ).toEqual([]);
    });
  });

  describe('dates', () => {
    const historyStart = formatDay(addMonths(parseIsoDate(AS_OF), -24) + 1);

    it('keeps every service date within the history window and not after asOf', () => {
      expect(population.historyStart).toBe(historyStart);
      expect(
        violations(
          claims,
          (claim, fail) => {
            if (claim.serviceDateFrom < historyStart) fail('before history');
            if (claim.serviceDateTo > AS_OF) fail('after asOf');
            if (claim.serviceDateFrom > claim.serviceDateTo) fail('from after to');
            for (const line of claim.lines ?? []) {
              if (
                line.serviceDate !== undefined &&
                (line.serviceDate < claim.serviceDateFrom || line.serviceDate > claim.serviceDateTo)
              )
                fail('line date');
            }
            if (claim.drug !== undefined && claim.drug.fillDate !== claim.serviceDateFrom) fail('fill date');
          },
          claimLabel,
        ),
      ).toEqual([]);
    });

    it('keeps claims inside each member’s coverage and lifetime', () => {
      const byId = new Map(members.map((member) => [member.memberId, member]));
      expect(
        violations(
          claims,
          (claim, fail) => {
            const member = byId.get(claim.memberId);
            if (member === undefined) return fail('unknown member');
            if (claim.serviceDateFrom < member.birthDate) fail('before birth');
            if (claim.serviceDateFrom < member.coverage.effectiveDate) fail('before coverage');
            if (
              member.coverage.terminationDate !== undefined &&
              claim.serviceDateTo > member.coverage.terminationDate
            )
              fail('after coverage');
            if (member.deceasedDate !== undefined && claim.serviceDateTo > member.deceasedDate)
              fail('after death');
          },
          claimLabel,
        ),
      ).toEqual([]);
    });

    it('honours a shorter history', () => {
      const short = createPopulation({ seed: 3, households: 100, asOf: '2024-12-31', monthsOfHistory: 6 });
      expect(short.historyStart).toBe('2024-07-01');
      for (const claim of short.claims()) {
        expect(claim.serviceDateFrom >= '2024-07-01' && claim.serviceDateTo <= '2024-12-31').toBe(true);
      }
    });
  });

  describe('claim versions', () => {
    it('has unique claim ids per version, starting with an original version 1', () => {
      const seen = new Map<string, ClaimSubmissionPlain>();
      expect(
        violations(
          claims,
          (claim, fail) => {
            const previous = seen.get(claim.claimId);
            seen.set(claim.claimId, claim);
            if (previous === undefined) {
              if (claim.version !== 1 || claim.frequency !== 'original')
                fail('first version is not an original version 1');
              return;
            }
            if (previous.frequency === 'void') fail('version after a void');
            if (claim.version !== previous.version + 1) fail('version does not follow the previous one');
            if (claim.frequency === 'original') fail('later version marked original');
            if (claim.memberId !== previous.memberId || claim.claimType !== previous.claimType)
              fail('member or type changed');
            if (claim.serviceDateFrom !== previous.serviceDateFrom) fail('service date changed');
          },
          claimLabel,
        ),
      ).toEqual([]);
      const frequencies = claims.map((claim) => `${claim.frequency}:${claim.version}`);
      expect(frequencies).toContain('replacement:2');
      expect(frequencies).toContain('void:2');
      expect(frequencies).toContain('void:3');
      expect(claims.some((claim) => claim.adjudicationStatus === 'denied')).toBe(true);
      expect(claims.some((claim) => claim.adjudicationStatus === 'pending')).toBe(true);
    });

    it('names claims C<seed>-<household>-<n>', () => {
      expect(claims.filter((claim) => !/^C20250630-\d+-\d+$/.test(claim.claimId))).toEqual([]);
    });
  });

  describe('claim shapes', () => {
    const icd10 = /^[A-Z]\d[A-Z0-9]\.?[A-Z0-9]{0,4}$/;
    const procedure = /^(\d{5}|\d{4}F|\d{4}T|[A-V]\d{4})$/;
    const cents = (amount: number): number => Math.round(amount * 100);

    it('follows the per-type rules of the contract', () => {
      const found = violations(
        claims,
        (claim, fail) => {
          if (claim.claimId.length > 50) fail('claimId too long');
          const codes = claim.diagnoses.map((diagnosis) => diagnosis.code.replace('.', ''));
          if (new Set(codes).size !== codes.length) fail('duplicate diagnosis');
          for (const diagnosis of claim.diagnoses)
            if (!icd10.test(diagnosis.code)) fail(`ICD-10 ${diagnosis.code}`);
          if (cents(claim.totalChargedAmount) / 100 !== claim.totalChargedAmount)
            fail('charged not 2 decimals');
          if (claim.claimType === 'pharmacy') {
            if (claim.lines !== undefined) fail('pharmacy lines');
            if (!/^\d{11}$/.test(claim.drug?.ndc ?? '')) fail('NDC');
            if (![5, 10, 30, 90].includes(claim.drug?.daysSupply ?? 0)) fail('days supply');
            if (claim.placeOfService !== undefined || claim.typeOfBill !== undefined)
              fail('POS/TOB on pharmacy');
            return;
          }
          if (claim.drug !== undefined) fail('drug on medical claim');
          if (claim.diagnoses.length < 1 || claim.diagnoses.length > 25) fail('diagnosis count');
          const lines = claim.lines ?? [];
          if (lines.length < 1) fail('no lines');
          if (new Set(lines.map((line) => line.lineNumber)).size !== lines.length) fail('line numbers');
          let charged = 0;
          let paid = 0;
          for (const line of lines) {
            if (line.procedureCode !== undefined && !procedure.test(line.procedureCode))
              fail(`procedure ${line.procedureCode}`);
            if (claim.claimType === 'professional' && line.procedureCode === undefined)
              fail('professional line without procedure');
            if (claim.claimType === 'institutional' && !/^\d{4}$/.test(line.revenueCode ?? ''))
              fail('revenue code');
            if (!(line.units > 0 && line.units <= 9999)) fail('units');
            for (const modifier of line.modifiers ?? [])
              if (!/^[A-Z0-9]{2}$/.test(modifier)) fail('modifier');
            if (line.labResult !== undefined && !/^\d{1,7}-\d$/.test(line.labResult.loincCode)) fail('LOINC');
            if (cents(line.chargedAmount) / 100 !== line.chargedAmount) fail('line charge not 2 decimals');
            charged += cents(line.chargedAmount);
            paid += cents(line.paidAmount ?? 0);
          }
          if (charged !== cents(claim.totalChargedAmount)) fail('total charged is not the sum of lines');
          if (claim.totalPaidAmount !== undefined && paid !== cents(claim.totalPaidAmount))
            fail('total paid is not the sum of lines');
          if (
            claim.claimType === 'professional' &&
            (!['11', '22', '23', '81'].includes(claim.placeOfService ?? '') || claim.typeOfBill !== undefined)
          )
            fail('POS');
          if (
            claim.claimType === 'institutional' &&
            (!['0111', '0131', '0211', '0321'].includes(claim.typeOfBill ?? '') ||
              claim.placeOfService !== undefined)
          )
            fail('TOB');
          if (claim.adjudicationStatus === 'pending' && claim.totalPaidAmount !== undefined)
            fail('paid amount on pending');
          if (claim.adjudicationStatus === 'denied' && claim.totalPaidAmount !== 0)
            fail('paid amount on denied');
        },
        claimLabel,
      );
      expect(found).toEqual([]);
    });

    it('covers every claim kind the benchmark and demo need', () => {
      const kinds = new Set(
        claims.map((claim) => claim.placeOfService ?? claim.typeOfBill ?? claim.claimType),
      );
      for (const kind of ['11', '22', '23', '81', '0111', '0131', '0211', '0321', 'pharmacy'])
        expect(kinds).toContain(kind);
      const procedures = new Set(
        claims.flatMap((claim) => (claim.lines ?? []).map((line) => line.procedureCode)),
      );
      for (const code of [
        '83036',
        '3044F',
        '3046F',
        '77067',
        '45378',
        '82274',
        '92014',
        'G0439',
        '99213',
        '99395',
      ])
        expect(procedures).toContain(code);
    });
  });

  describe('members and households', () => {
    it('has exactly one subscriber per household whose id is everybody’s subscriberId', () => {
      for (const household of households) {
        const subscribers = household.members.filter((member) => member.relationship === 'subscriber');
        expect(subscribers).toHaveLength(1);
        const subscriber = subscribers[0];
        expect(household.members[0]).toBe(subscriber);
        expect(subscriber.subscriberId).toBe(subscriber.memberId);
        expect(household.members.length).toBeLessThanOrEqual(5);
        for (const member of household.members) {
          expect(member.subscriberId).toBe(subscriber.memberId);
          expect(member.planType).toBe(subscriber.planType);
          if (member.relationship === 'child') expect(member.birthDate > subscriber.birthDate).toBe(true);
          if (member.relationship === 'parent' || member.relationship === 'parent-in-law')
            expect(member.birthDate < subscriber.birthDate).toBe(true);
        }
        expect(
          household.members.filter(
            (member) => member.relationship === 'spouse' || member.relationship === 'domestic-partner',
          ).length,
        ).toBeLessThanOrEqual(1);
      }
      expect(new Set(members.map((member) => member.memberId)).size).toBe(members.length);
    });

    it('follows the member field rules', () => {
      const found = violations(
        members,
        (member, fail) => {
          if (!/^[A-Za-z0-9._-]+$/.test(member.memberId)) fail('memberId');
          if (member.birthDate > AS_OF) fail('born after asOf');
          if (member.deceasedDate !== undefined && member.deceasedDate < member.birthDate)
            fail('died before birth');
          if (member.phone !== undefined && !/^\d{10}$/.test(member.phone)) fail('phone');
          if (member.email !== undefined && !/^[a-z]+\.[a-z]+\d+@example\.(com|org|net)$/.test(member.email))
            fail('email');
          if (member.address !== undefined) {
            if (!/^[A-Z]{2}$/.test(member.address.state)) fail('state');
            if (!/^\d{5}(-\d{4})?$/.test(member.address.postalCode)) fail('postal code');
          }
          if (!/^[a-z]{2}(-[A-Z]{2})?$/.test(member.contactPreferences.language)) fail('language');
          if (
            member.contactPreferences.preferredChannel === 'email' &&
            !member.contactPreferences.emailConsent
          )
            fail('email without consent');
          if (
            member.coverage.terminationDate !== undefined &&
            member.coverage.terminationDate < member.coverage.effectiveDate
          )
            fail('coverage dates');
          if (new Set(member.optOuts).size !== member.optOuts.length) fail('duplicate opt-outs');
          if (member.firstName.length < 1 || member.lastName.length < 1) fail('names');
        },
        (member) => member.memberId,
      );
      expect(found).toEqual([]);
    });

    it('has a realistic mix', () => {
      const share = (predicate: (member: MemberRecordPlain) => boolean): number =>
        members.filter(predicate).length / members.length;
      expect(share((m) => m.attributedPcp !== undefined)).toBeGreaterThan(0.75);
      expect(share((m) => m.contactPreferences.language === 'es')).toBeGreaterThan(0.05);
      expect(share((m) => m.contactPreferences.preferredChannel === 'email')).toBeGreaterThan(0.3);
      expect(share((m) => m.contactPreferences.preferredChannel === 'mail')).toBeGreaterThan(0.2);
      expect(share((m) => m.planAdministeredByHealthPlan)).toBeGreaterThan(0.3);
      expect(share((m) => m.optOuts.length > 0)).toBeGreaterThan(0.05);
      expect(members.some((m) => m.deceasedDate !== undefined)).toBe(true);
      const relationships = new Set(members.map((m) => m.relationship));
      for (const relationship of [
        'subscriber',
        'spouse',
        'domestic-partner',
        'child',
        'parent',
        'parent-in-law',
      ] as const) {
        expect(relationships).toContain(relationship);
      }
      expect(new Set(members.map((m) => m.planType)).size).toBe(7);
    });
  });

  describe('planted profile', () => {
    it('backs every planted condition with ≥ 2 professional claims on different dates within 330 days of activeTo', () => {
      let checked = 0;
      for (const profile of profiles) {
        const own = effectiveByMember.get(profile.memberId) ?? [];
        for (const planted of profile.conditions) {
          const dates = new Set(
            own
              .filter(
                (claim) =>
                  claim.claimType === 'professional' &&
                  claim.diagnoses.some((d) => matches(d.code, planted.condition)),
              )
              .map((claim) => claim.serviceDateFrom)
              .filter((date) => daysBetween(date, profile.activeTo) <= 330),
          );
          expect(dates.size).toBeGreaterThanOrEqual(2);
          expect(
            planted.professionalClaimDates.filter((date) => daysBetween(date, profile.activeTo) <= 330)
              .length,
          ).toBeGreaterThanOrEqual(2);
          checked += 1;
        }
      }
      expect(checked).toBeGreaterThan(100);
    });

    it('gives diabetics E11*/E10* on two professional dates and antidiabetic fills for most', () => {
      const diabetics = profiles.filter((profile) =>
        profile.conditions.some((c) => c.condition === 'diabetes'),
      );
      expect(diabetics.length).toBeGreaterThan(30);
      let withDrug = 0;
      for (const profile of diabetics) {
        const own = effectiveByMember.get(profile.memberId) ?? [];
        const dates = new Set(
          own
            .filter((c) => c.claimType === 'professional' && c.diagnoses.some((d) => /^E1[01]/.test(d.code)))
            .map((c) => c.serviceDateFrom),
        );
        expect(dates.size).toBeGreaterThanOrEqual(2);
        if (
          profile.medications.some(
            (m) => m.drugClass === 'non-insulin-antidiabetic' || m.drugClass === 'insulin',
          )
        )
          withDrug += 1;
      }
      expect(withDrug / diabetics.length).toBeGreaterThan(0.7);
    });

    it('gives members without a planted condition no qualifying evidence for it', () => {
      for (const profile of profiles) {
        const own = effectiveByMember.get(profile.memberId) ?? [];
        for (const condition of CHRONIC_CONDITION_KEYS) {
          if (profile.conditions.some((c) => c.condition === condition)) continue;
          const carrying = own.filter((claim) => claim.diagnoses.some((d) => matches(d.code, condition)));
          const nearMiss = profile.nearMisses.find((n) => n.condition === condition);
          if (nearMiss === undefined) {
            expect(carrying).toHaveLength(0);
          } else {
            expect(
              carrying.every(
                (claim) => claim.claimType === 'professional' && claim.serviceDateFrom === nearMiss.date,
              ),
            ).toBe(true);
            expect(carrying).toHaveLength(nearMiss.pattern === 'single-claim' ? 1 : 2);
          }
        }
      }
      expect(profiles.some((profile) => profile.nearMisses.length > 0)).toBe(true);
    });

    it('gives heart-failure members an inpatient stay with I50', () => {
      const hf = profiles.filter((profile) =>
        profile.conditions.some((c) => c.condition === 'heart-failure'),
      );
      expect(hf.length).toBeGreaterThan(3);
      for (const profile of hf) {
        const own = effectiveByMember.get(profile.memberId) ?? [];
        expect(
          own.some(
            (claim) => claim.typeOfBill === '0111' && claim.diagnoses.some((d) => d.code.startsWith('I50')),
          ),
        ).toBe(true);
      }
    });

    it('reports refill gaps that the pharmacy claims show', () => {
      let planted = 0;
      for (const profile of profiles) {
        const fills = (effectiveByMember.get(profile.memberId) ?? []).filter(
          (claim) => claim.claimType === 'pharmacy',
        );
        for (const medication of profile.medications) {
          const dates = [
            ...new Set(
              fills
                .filter((claim) => claim.drug?.ndc === medication.ndc)
                .map((claim) => claim.serviceDateFrom),
            ),
          ].sort();
          expect(dates).toEqual(medication.fillDates);
          if (!medication.maintenance) continue;
          const gaps: string[] = [];
          dates.forEach((date, index) => {
            const next = dates[index + 1] ?? AS_OF;
            if (daysBetween(date, next) > medication.daysSupply + 15) gaps.push(date);
          });
          expect(gaps).toEqual(medication.refillGaps.map((gap) => gap.lastFillDate));
          if (medication.plantedLateRefill !== undefined) {
            planted += 1;
            expect(medication.refillGaps.length).toBeGreaterThanOrEqual(1);
            if (medication.plantedLateRefill === 'open-at-as-of') {
              expect(medication.refillGaps.some((gap) => gap.nextFillDate === undefined)).toBe(true);
            }
          }
        }
      }
      expect(planted).toBeGreaterThan(20);
    });

    it('matches HbA1c results, screenings and preventive visits with the claims', () => {
      for (const profile of profiles) {
        const own = effectiveByMember.get(profile.memberId) ?? [];
        const a1c = own
          .flatMap((claim) =>
            (claim.lines ?? [])
              .filter((line) => line.labResult?.loincCode === '4548-4')
              .map((line) => ({ date: claim.serviceDateFrom, value: line.labResult?.value })),
          )
          .sort((a, b) => a.date.localeCompare(b.date));
        expect(a1c.map((r) => r.date)).toEqual(profile.hba1cResults.map((r) => r.date));
        expect(a1c.map((r) => r.value)).toEqual(profile.hba1cResults.map((r) => r.value));
        const mammograms = new Set(
          own.filter((c) => c.lines?.some((l) => l.procedureCode === '77067')).map((c) => c.serviceDateFrom),
        );
        expect([...mammograms].sort()).toEqual(
          profile.screenings
            .filter((s) => s.kind === 'mammography')
            .map((s) => s.date)
            .sort(),
        );
        const preventive = own.filter((c) =>
          c.lines?.some((l) => /^(9938[1-7]|9939[1-7]|G0438|G0439)$/.test(l.procedureCode ?? '')),
        );
        expect(preventive.map((c) => c.serviceDateFrom).sort()).toEqual(
          profile.preventiveVisits.map((v) => v.date).sort(),
        );
      }
    });

    it('uses AWV codes only at 65+ and age-banded preventive codes otherwise', () => {
      for (const profile of profiles) {
        for (const visit of profile.preventiveVisits) {
          const age = Number(visit.date.slice(0, 4)) - Number(profile.birthDate.slice(0, 4));
          if (visit.procedureCode.startsWith('G04')) expect(age).toBeGreaterThanOrEqual(65);
          if (visit.procedureCode === '99381' || visit.procedureCode === '99391')
            expect(age).toBeLessThanOrEqual(1);
        }
      }
    });

    it('plants realistic prevalences', () => {
      const summary = population.summarize();
      expect(summary.members).toBe(members.length);
      expect(summary.claims.total).toBe(claims.length);
      expect(summary.adultPrevalence.diabetes).toBeGreaterThan(0.06);
      expect(summary.adultPrevalence.diabetes).toBeLessThan(0.15);
      expect(summary.adultPrevalence.hypertension).toBeGreaterThan(summary.adultPrevalence.diabetes);
      expect(summary.adultPrevalence['heart-failure']).toBeLessThan(0.05);
    });

    it('agrees with the generator’s own condition matcher', () => {
      for (const condition of CHRONIC_CONDITION_KEYS) {
        for (const code of [
          'E11.9',
          'E11.22',
          'I10',
          'N18.30',
          'I50.9',
          'J45.909',
          'F32.A',
          'E78.5',
          'I25.10',
          'I48.91',
          'J44.9',
          'J20.9',
          'N20.0',
        ]) {
          expect(codeMatchesCondition(code, condition)).toBe(matches(code, condition));
        }
      }
    });

    it('keeps each profile consistent with its member record', () => {
      for (const member of members) {
        const profile = profileById.get(member.memberId);
        expect(profile?.birthDate).toBe(member.birthDate);
        expect(profile?.deceasedDate).toBe(member.deceasedDate);
        expect(profile?.attributedPcpNpi).toBe(member.attributedPcp?.npi);
      }
    });
  });
});
