import { ageOn } from './calendar-date.util';
import type { AdjustmentDraft, ClaimDraft, ClaimPurpose, DrugDraft, LineDraft } from './claim-draft.types';
import { EVIDENCE_WINDOW_DAYS, STREAM, type GenerationContext } from './generation-context';
import type { HouseholdDraft, MemberDraft } from './household.generator';
import {
  ACUTE_DIAGNOSES,
  ANNUAL_WELLNESS_INITIAL,
  ANNUAL_WELLNESS_SUBSEQUENT,
  CBC_CODE,
  CHEST_XRAY_CODE,
  CHRONIC_CONDITIONS,
  CHRONIC_CONDITION_KEYS,
  COLONOSCOPY_CODE,
  COLORECTAL_SCREENING_DIAGNOSIS,
  DEFAULT_FEE_CENTS,
  DEPRESSION_SCREENING_CODE,
  DIABETES_WITH_CKD_CODE,
  DRUG_PRODUCTS,
  ECHO_CODE,
  EGFR_LOINC,
  EKG_CODE,
  ER_DIAGNOSES,
  ER_VISIT_CODES,
  EYE_EXAM_CPT_II_WITHOUT_RETINOPATHY,
  EYE_EXAM_CPT_II_WITH_RETINOPATHY,
  EYE_EXAM_ESTABLISHED_CODE,
  EYE_EXAM_NEW_CODE,
  FEE_CENTS,
  FIT_CODE,
  HBA1C_LOINC,
  HBA1C_TEST_CODE,
  HOME_HEALTH_NURSING_CODE,
  HOME_HEALTH_PT_CODE,
  INFECTION_DIAGNOSES,
  LATE_REFILL_GRACE_DAYS,
  LDL_LOINC,
  LIPID_PANEL_CODE,
  MAMMOGRAPHY_CODE,
  MAMMOGRAPHY_DIAGNOSIS,
  METABOLIC_PANEL_CODE,
  PAID_RATIO,
  PLACE_OF_SERVICE,
  PNEUMONIA_DIAGNOSIS,
  PREVENTIVE_DIAGNOSES_ADULT,
  PREVENTIVE_DIAGNOSES_CHILD,
  PREVENTIVE_VISIT_CODES,
  PSYCHOTHERAPY_CODE,
  PSYCH_EVAL_CODE,
  REVENUE,
  REVENUE_FEE_CENTS,
  SICK_VISIT_ESTABLISHED_CODES,
  SICK_VISIT_NEW_CODES,
  SPIROMETRY_CODE,
  TYPE_1_DIABETES_CODE,
  TYPE_1_DIABETES_PREVALENCE,
  TYPE_OF_BILL,
  UACR_LOINC,
  URINE_ALBUMIN_CODE,
  URINE_CREATININE_CODE,
  ageBandOf,
  hba1cCptII,
  type DrugKey,
} from './population-code-sets';
import type { ChronicConditionKey, PlantedNearMiss, ScreeningKind } from './population.types';
import type {
  Clinician,
  Facility,
  FacilityKind,
  Practice,
  PracticeSpecialty,
} from './provider-pool.generator';
import { SeededRandom, mixSeed } from './seeded-random.util';

/** A condition planted on a member. */
export interface ConditionPlan {
  readonly key: ChronicConditionKey;
  /** The member's code for the condition (dotted). */
  readonly code: string;
  readonly onsetDay: number;
}

/** What the planner decided for one member beyond the claims themselves. */
export interface MemberCarePlan {
  readonly member: MemberDraft;
  readonly conditions: readonly ConditionPlan[];
  readonly nearMisses: readonly PlantedNearMiss[];
  /** NDC → planted late-refill kind. */
  readonly plantedLateRefills: ReadonlyMap<string, 'resumed' | 'open-at-as-of'>;
}

export interface HouseholdCarePlan {
  readonly household: HouseholdDraft;
  readonly members: readonly MemberCarePlan[];
  /** All claims of the household in creation order, adjudicated, with their later versions. */
  readonly drafts: readonly ClaimDraft[];
}

/** Minimum days of activity before conditions are planted. */
const MIN_ACTIVE_DAYS_FOR_CONDITIONS = 60;
/** Share of members with maintenance drugs that get a planted late refill. */
const LATE_REFILL_RATE = 0.14;
/** Share of adults with a planted near-miss diagnosis. */
const NEAR_MISS_RATE = 0.015;
/** Adjudication of claims that are not protected. */
const DENIAL_RATE = 0.06;
const PENDING_RATE_RECENT = 0.35;
const PENDING_WINDOW_DAYS = 21;
const REPLACEMENT_RATE = 0.04;
const DENIED_CORRECTION_RATE = 0.3;
const VOID_RATE = 0.012;
const VOID_AFTER_REPLACEMENT_RATE = 0.1;

/** Plans the claims of one household from its own random stream. */
export function planHouseholdCare(context: GenerationContext, household: HouseholdDraft): HouseholdCarePlan {
  const random = new SeededRandom(mixSeed(context.seed, household.index, STREAM.care));
  const drafts: ClaimDraft[] = [];
  const members = household.members.map((member) =>
    new MemberPlanner(context, random, member, drafts).plan(),
  );
  adjudicate(context, random, drafts);
  return { household, members, drafts };
}

function adjudicate(context: GenerationContext, random: SeededRandom, drafts: readonly ClaimDraft[]): void {
  const asOf = context.asOfDay;
  for (const draft of drafts) {
    const [low, high] = PAID_RATIO[draft.member.planType];
    draft.paidRatio = low + random.next() * (high - low);
    if (!draft.protected) {
      if (random.chance(DENIAL_RATE)) draft.status = 'denied';
      else if (asOf - draft.toDay < PENDING_WINDOW_DAYS && random.chance(PENDING_RATE_RECENT))
        draft.status = 'pending';
    }
    if (draft.status === 'pending') continue;
    let arrival = draft.toDay;
    let replaced = false;
    if (draft.status === 'denied' ? random.chance(DENIED_CORRECTION_RATE) : random.chance(REPLACEMENT_RATE)) {
      const replacementArrival = arrival + random.int(14, 90);
      const paidRatio = draft.paidRatio * (0.85 + random.next() * 0.3);
      if (replacementArrival <= asOf) {
        arrival = replacementArrival;
        draft.adjustments.push({ frequency: 'replacement', arrivalDay: arrival, status: 'paid', paidRatio });
        replaced = true;
      }
    }
    if (!draft.protected && random.chance(replaced ? VOID_AFTER_REPLACEMENT_RATE : VOID_RATE)) {
      const voidArrival = arrival + random.int(10, 120);
      const previous: AdjustmentDraft | undefined = draft.adjustments[draft.adjustments.length - 1];
      if (voidArrival <= asOf) {
        draft.adjustments.push({
          frequency: 'void',
          arrivalDay: voidArrival,
          status: previous?.status ?? draft.status,
          paidRatio: previous?.paidRatio ?? draft.paidRatio,
        });
      }
    }
  }
}

interface ProfessionalSpec {
  readonly purpose: ClaimPurpose;
  readonly day: number;
  readonly billing: Practice | Facility;
  readonly rendering?: { readonly practice: Practice; readonly clinician: Clinician };
  readonly placeOfService: string;
  readonly diagnoses: readonly string[];
  readonly lines: readonly LineDraft[];
  readonly protected: boolean;
  readonly screening?: ScreeningKind;
  readonly nearMiss?: ChronicConditionKey;
}

interface InstitutionalSpec {
  readonly purpose: ClaimPurpose;
  readonly fromDay: number;
  readonly toDay: number;
  readonly billing: Facility;
  readonly typeOfBill: string;
  readonly diagnoses: readonly string[];
  readonly lines: readonly LineDraft[];
  readonly protected: boolean;
  readonly screening?: ScreeningKind;
}

/** Plans one member's claims; appends drafts to the household list. */
class MemberPlanner {
  private readonly conditions = new Map<ChronicConditionKey, ConditionPlan>();
  private readonly nearMisses: PlantedNearMiss[] = [];
  private readonly plantedLateRefills = new Map<string, 'resumed' | 'open-at-as-of'>();
  private type1 = false;
  private hba1cBaseline = 0;
  private untestedDiabetic = false;
  private readonly evidenceStart: number;

  constructor(
    private readonly context: GenerationContext,
    private readonly random: SeededRandom,
    private readonly member: MemberDraft,
    private readonly drafts: ClaimDraft[],
  ) {
    this.evidenceStart = Math.max(member.activeFrom, member.activeTo - EVIDENCE_WINDOW_DAYS);
  }

  plan(): MemberCarePlan {
    const { member } = this;
    if (member.activeFrom <= member.activeTo) {
      if (member.activeTo - member.activeFrom >= MIN_ACTIVE_DAYS_FOR_CONDITIONS) this.chooseConditions();
      const visitDays: number[] = [];
      this.planHeartFailureStays(visitDays);
      this.planChronicVisits(visitDays);
      this.planSpecialistVisits();
      this.planMaintenanceDrugs();
      this.planPreventiveVisits();
      this.planSickVisits();
      this.planEmergencyVisits();
      this.planPneumoniaStays();
      this.planScreenings();
      this.planNearMiss();
    }
    return {
      member,
      conditions: [...this.conditions.values()],
      nearMisses: this.nearMisses,
      plantedLateRefills: this.plantedLateRefills,
    };
  }

  // ------------------------------------------------------------------------------------------ helpers

  private day(from: number, to: number): number {
    return this.random.int(from, to);
  }

  private ageOn(day: number): number {
    return ageOn(this.member.birthDay, day);
  }

  private has(key: ChronicConditionKey, day?: number): boolean {
    const condition = this.conditions.get(key);
    return condition !== undefined && (day === undefined || condition.onsetDay <= day);
  }

  /** Codes of the conditions active on a day, in condition order; diabetes with CKD uses the combination code. */
  private activeCodes(day: number, only?: readonly ChronicConditionKey[]): string[] {
    const codes: string[] = [];
    for (const condition of this.conditions.values()) {
      if (condition.onsetDay > day || (only !== undefined && !only.includes(condition.key))) continue;
      const code = condition.key === 'diabetes' ? this.diabetesCode(day) : condition.code;
      if (!codes.includes(code)) codes.push(code);
    }
    return codes;
  }

  private diabetesCode(day: number): string {
    const diabetes = this.conditions.get('diabetes');
    if (diabetes === undefined) throw new Error('not diabetic');
    if (!this.has('chronic-kidney-disease', day)) return diabetes.code;
    return this.type1 ? 'E10.22' : DIABETES_WITH_CKD_CODE;
  }

  private line(procedureCode: string, extra?: Partial<LineDraft>): LineDraft {
    const units = extra?.units ?? 1;
    const fee = FEE_CENTS[procedureCode] ?? DEFAULT_FEE_CENTS;
    return {
      procedureCode,
      units,
      chargedCents: Math.round(fee * units * (0.92 + this.random.next() * 0.2)),
      ...extra,
    };
  }

  private revenueLine(revenueCode: string, units: number, procedureCode?: string, day?: number): LineDraft {
    const fee = REVENUE_FEE_CENTS[revenueCode] ?? DEFAULT_FEE_CENTS;
    const chargedCents = Math.round(fee * units * (0.9 + this.random.next() * 0.25));
    const line: { -readonly [K in keyof LineDraft]: LineDraft[K] } = { revenueCode, units, chargedCents };
    if (procedureCode !== undefined) line.procedureCode = procedureCode;
    if (day !== undefined) line.day = day;
    return line;
  }

  private emCode(weights: readonly (readonly [string, number])[]): string {
    return this.random.weighted(weights);
  }

  private addProfessional(spec: ProfessionalSpec): void {
    const draft: ClaimDraft = {
      member: this.member,
      purpose: spec.purpose,
      claimType: 'professional',
      fromDay: spec.day,
      toDay: spec.day,
      billing: spec.billing,
      placeOfService: spec.placeOfService,
      diagnoses: spec.diagnoses,
      lines: spec.lines,
      protected: spec.protected,
      status: 'paid',
      paidRatio: 0,
      adjustments: [],
      sequence: this.drafts.length,
      ...(spec.rendering !== undefined ? { rendering: spec.rendering } : {}),
      ...(spec.screening !== undefined ? { screening: spec.screening } : {}),
      ...(spec.nearMiss !== undefined ? { nearMiss: spec.nearMiss } : {}),
    };
    this.drafts.push(draft);
  }

  private addInstitutional(spec: InstitutionalSpec): void {
    this.drafts.push({
      member: this.member,
      purpose: spec.purpose,
      claimType: 'institutional',
      fromDay: spec.fromDay,
      toDay: spec.toDay,
      billing: spec.billing,
      typeOfBill: spec.typeOfBill,
      diagnoses: spec.diagnoses,
      lines: spec.lines,
      protected: spec.protected,
      status: 'paid',
      paidRatio: 0,
      adjustments: [],
      sequence: this.drafts.length,
      ...(spec.screening !== undefined ? { screening: spec.screening } : {}),
    });
  }

  private addFill(day: number, drug: DrugDraft, pharmacy: Facility, isProtected: boolean): void {
    this.drafts.push({
      member: this.member,
      purpose: 'fill',
      claimType: 'pharmacy',
      fromDay: day,
      toDay: day,
      billing: pharmacy,
      diagnoses: [],
      lines: [],
      drug,
      protected: isProtected,
      status: 'paid',
      paidRatio: 0,
      adjustments: [],
      sequence: this.drafts.length,
    });
  }

  private drug(key: DrugKey, daysSupply: number, refillNumber: number): DrugDraft {
    const product = DRUG_PRODUCTS[key];
    return {
      product,
      daysSupply,
      quantity: Math.max(1, Math.round((product.quantityPer30Days * daysSupply) / 30)),
      prescriberNpi: this.member.clinician.npi,
      refillNumber,
      chargedCents: Math.round(
        ((product.chargePer30DaysCents * daysSupply) / 30) * (0.95 + this.random.next() * 0.15),
      ),
    };
  }

  private usual(): { practice: Practice; clinician: Clinician } {
    return { practice: this.member.practice, clinician: this.member.clinician };
  }

  private specialist(specialty: PracticeSpecialty): { practice: Practice; clinician: Clinician } {
    const practice = this.pickPractice(specialty);
    return { practice, clinician: this.random.pick(practice.clinicians) };
  }

  private pickPractice(specialty: PracticeSpecialty): Practice {
    return this.random.pick(this.context.providers.bySpecialty[specialty]);
  }

  private facility(kind: FacilityKind): Facility {
    return this.random.pick(this.context.providers.byFacilityKind[kind]);
  }

  /** Calls `visit(from, to)` for consecutive segments of `length` days within [from, to]. */
  private static segments(
    from: number,
    to: number,
    length: number,
    visit: (start: number, end: number) => void,
  ): void {
    for (let start = from; start <= to; start += length) visit(start, Math.min(to, start + length - 1));
  }

  // ------------------------------------------------------------------------------------------ conditions

  private chooseConditions(): void {
    const { random, member } = this;
    const age = member.ageAtAsOf;
    const band = ageBandOf(age);
    for (const key of CHRONIC_CONDITION_KEYS) {
      const set = CHRONIC_CONDITIONS[key];
      const p = set.prevalence[band] * this.comorbidityMultiplier(key, age);
      let code: string | undefined;
      if (key === 'diabetes' && random.chance(TYPE_1_DIABETES_PREVALENCE[band])) {
        this.type1 = true;
        code = TYPE_1_DIABETES_CODE;
      } else if (random.chance(Math.min(0.95, p))) {
        code = random.pick(set.memberCodes);
      }
      if (code === undefined) continue;
      const onsetDay = random.chance(0.85)
        ? member.activeFrom
        : this.day(member.activeFrom, member.activeTo - MIN_ACTIVE_DAYS_FOR_CONDITIONS);
      this.conditions.set(key, { key, code, onsetDay });
    }
    if (this.has('diabetes')) {
      this.hba1cBaseline = Math.min(13.5, Math.max(5.7, random.normal(this.type1 ? 8 : 7.5, 1.3)));
      this.untestedDiabetic = random.chance(0.1);
    }
  }

  /** Raises (or zeroes) a base prevalence for comorbidities and age limits. */
  private comorbidityMultiplier(key: ChronicConditionKey, age: number): number {
    let multiplier = 1;
    if ((key === 'hypertension' || key === 'hyperlipidemia') && this.has('diabetes'))
      multiplier *= key === 'hypertension' ? 1.5 : 1.6;
    if (key === 'coronary-artery-disease' && (this.has('hypertension') || this.has('hyperlipidemia')))
      multiplier *= 1.5;
    if (key === 'chronic-kidney-disease') {
      if (this.has('diabetes')) multiplier *= 2.2;
      if (this.has('hypertension')) multiplier *= 1.3;
    }
    if (key === 'heart-failure') {
      if (this.has('coronary-artery-disease')) multiplier *= 2;
      if (this.has('hypertension')) multiplier *= 1.5;
    }
    if (key === 'atrial-fibrillation' && this.has('heart-failure')) multiplier *= 1.5;
    if ((key === 'asthma' && age < 2) || (key === 'depression' && age < 12)) multiplier = 0;
    return multiplier;
  }

  // ------------------------------------------------------------------------------------------ heart failure

  private planHeartFailureStays(visitDays: number[]): void {
    const hf = this.conditions.get('heart-failure');
    if (hf === undefined) return;
    const { member, random } = this;
    const stays: [number, number][] = [];
    const lengthOfStay = random.int(3, 8);
    const low = Math.max(hf.onsetDay, this.evidenceStart);
    const admission = this.day(low, Math.max(low, member.activeTo - lengthOfStay));
    stays.push([admission, Math.min(admission + lengthOfStay, member.activeTo)]);
    const earliest = Math.max(hf.onsetDay, member.activeFrom);
    if (admission - 40 > earliest && random.chance(0.25)) {
      const second = this.day(earliest, admission - 40);
      stays.unshift([second, second + random.int(2, 6)]);
    }
    for (const [from, to] of stays) {
      const diagnoses = [hf.code, ...this.activeCodes(from).filter((code) => code !== hf.code)];
      const lines: LineDraft[] = [];
      if (random.chance(0.6)) lines.push(this.revenueLine(REVENUE.emergencyRoom, 1));
      lines.push(this.revenueLine(REVENUE.roomAndBoard, Math.max(1, to - from)));
      lines.push(this.revenueLine(REVENUE.pharmacy, 1));
      lines.push(this.revenueLine(REVENUE.laboratory, random.int(2, 6)));
      lines.push(this.revenueLine(REVENUE.ekg, 1));
      const hospital = this.facility('hospital');
      this.addInstitutional({
        purpose: 'inpatient',
        fromDay: from,
        toDay: to,
        billing: hospital,
        typeOfBill: TYPE_OF_BILL.inpatient,
        diagnoses,
        lines,
        protected: true,
      });
      const followUp = to + random.int(5, 14);
      if (followUp <= member.activeTo && !visitDays.includes(followUp)) visitDays.push(followUp);
      if (member.ageAtAsOf >= 65 && random.chance(0.3)) {
        const snfTo = Math.min(to + random.int(7, 21), member.activeTo);
        this.addInstitutional({
          purpose: 'skilled-nursing',
          fromDay: to,
          toDay: snfTo,
          billing: this.facility('skilled-nursing'),
          typeOfBill: TYPE_OF_BILL.skilledNursing,
          diagnoses,
          lines: [
            this.revenueLine(REVENUE.roomAndBoard, Math.max(1, snfTo - to)),
            this.revenueLine(REVENUE.physicalTherapy, random.int(4, 12)),
            this.revenueLine(REVENUE.occupationalTherapy, random.int(2, 8)),
            this.revenueLine(REVENUE.pharmacy, 1),
          ],
          protected: true,
        });
      } else if (random.chance(0.25) && to + 3 <= member.activeTo) {
        const hhFrom = to + random.int(1, 3);
        const hhTo = Math.min(hhFrom + 29, member.activeTo);
        const lines: LineDraft[] = [];
        const nursing = random.int(4, 8);
        for (let i = 0; i < nursing; i += 1) {
          lines.push(
            this.revenueLine(REVENUE.homeHealthNursing, 1, HOME_HEALTH_NURSING_CODE, this.day(hhFrom, hhTo)),
          );
        }
        const therapy = random.int(2, 4);
        for (let i = 0; i < therapy; i += 1) {
          lines.push(
            this.revenueLine(
              REVENUE.homeHealthPhysicalTherapy,
              1,
              HOME_HEALTH_PT_CODE,
              this.day(hhFrom, hhTo),
            ),
          );
        }
        lines.sort((a, b) => (a.day ?? 0) - (b.day ?? 0));
        this.addInstitutional({
          purpose: 'home-health',
          fromDay: hhFrom,
          toDay: hhTo,
          billing: this.facility('home-health'),
          typeOfBill: TYPE_OF_BILL.homeHealth,
          diagnoses,
          lines,
          protected: true,
        });
      }
    }
  }

  // ------------------------------------------------------------------------------------------ chronic visits and labs

  private planChronicVisits(visitDays: number[]): void {
    if (this.conditions.size === 0) return;
    const { member, random } = this;
    let interval = Number.POSITIVE_INFINITY;
    let firstOnset = Number.POSITIVE_INFINITY;
    for (const condition of this.conditions.values()) {
      interval = Math.min(interval, CHRONIC_CONDITIONS[condition.key].followUpDays);
      firstOnset = Math.min(firstOnset, condition.onsetDay);
    }
    for (
      let day = Math.max(member.activeFrom, firstOnset) + random.int(0, interval - 1);
      day <= member.activeTo;
      day += interval + random.int(-14, 21)
    ) {
      if (!visitDays.includes(day)) visitDays.push(day);
    }
    // Evidence: at least two visits on different dates inside the window for every condition.
    for (const condition of this.conditions.values()) {
      const low = Math.max(condition.onsetDay, this.evidenceStart);
      let count = 0;
      for (const day of visitDays) if (day >= low && day <= member.activeTo) count += 1;
      while (count < 2) {
        const day = this.day(low, member.activeTo);
        if (!visitDays.includes(day)) {
          visitDays.push(day);
          count += 1;
        }
      }
    }
    visitDays.sort((a, b) => a - b);
    for (const day of visitDays) this.chronicVisit(day);
  }

  private chronicVisit(day: number): void {
    const { random } = this;
    const diagnoses = this.activeCodes(day);
    if (diagnoses.length === 0) return;
    const labLines: LineDraft[] = [];
    const labDiagnoses: string[] = [];
    const addLabDiagnosis = (code: string): void => {
      if (!labDiagnoses.includes(code)) labDiagnoses.push(code);
    };
    let cptII: string | undefined;
    const diabetic = this.has('diabetes', day);
    if (diabetic && !this.untestedDiabetic && random.chance(0.6)) {
      const value = Math.round(Math.min(15, Math.max(4.5, random.normal(this.hba1cBaseline, 0.5))) * 10) / 10;
      labLines.push(this.line(HBA1C_TEST_CODE, { labResult: { loincCode: HBA1C_LOINC, value, unit: '%' } }));
      addLabDiagnosis(this.diabetesCode(day));
      cptII = hba1cCptII(value);
    }
    const ckd = this.conditions.get('chronic-kidney-disease');
    const ckdActive = ckd !== undefined && ckd.onsetDay <= day;
    if (
      (diabetic && random.chance(0.3)) ||
      ((ckdActive || this.has('hypertension', day)) && random.chance(0.25))
    ) {
      labLines.push(
        this.line(METABOLIC_PANEL_CODE, {
          labResult: {
            loincCode: EGFR_LOINC,
            value: this.egfr(ckdActive ? ckd.code : undefined),
            unit: 'mL/min/{1.73_m2}',
          },
        }),
      );
      if (diabetic && random.chance(0.7)) {
        const uacr = ckdActive ? random.int(30, 300) : random.int(4, 29);
        labLines.push(
          this.line(URINE_ALBUMIN_CODE, { labResult: { loincCode: UACR_LOINC, value: uacr, unit: 'mg/g' } }),
        );
        labLines.push(this.line(URINE_CREATININE_CODE));
      }
      for (const code of this.activeCodes(day, ['diabetes', 'chronic-kidney-disease', 'hypertension']))
        addLabDiagnosis(code);
    }
    if (
      (this.has('hyperlipidemia', day) || this.has('coronary-artery-disease', day) || diabetic) &&
      random.chance(0.25)
    ) {
      labLines.push(
        this.line(LIPID_PANEL_CODE, {
          labResult: { loincCode: LDL_LOINC, value: random.int(55, 190), unit: 'mg/dL' },
        }),
      );
      for (const code of this.activeCodes(day, ['hyperlipidemia', 'coronary-artery-disease', 'diabetes']))
        addLabDiagnosis(code);
    }

    const lines: LineDraft[] = [
      this.line(
        this.emCode([
          ['99212', 5],
          ['99213', 40],
          ['99214', 45],
          ['99215', 10],
        ]),
      ),
    ];
    if (cptII !== undefined) lines.push({ procedureCode: cptII, units: 1, chargedCents: 0 });
    if (
      (this.has('coronary-artery-disease', day) || this.has('atrial-fibrillation', day)) &&
      random.chance(0.15)
    )
      lines.push(this.line(EKG_CODE));
    const { practice, clinician } = this.usual();
    this.addProfessional({
      purpose: 'chronic-visit',
      day,
      billing: practice,
      rendering: { practice, clinician },
      placeOfService: PLACE_OF_SERVICE.office,
      diagnoses,
      lines,
      protected: true,
    });
    if (labLines.length > 0) {
      this.addProfessional({
        purpose: 'lab',
        day,
        billing: this.facility('laboratory'),
        placeOfService: PLACE_OF_SERVICE.independentLab,
        diagnoses: labDiagnoses,
        lines: labLines,
        protected: false,
      });
    }
  }

  private egfr(ckdCode: string | undefined): number {
    switch (ckdCode) {
      case undefined:
        return this.random.int(62, 115);
      case 'N18.2':
        return this.random.int(60, 89);
      case 'N18.4':
        return this.random.int(15, 29);
      case 'N18.31':
        return this.random.int(45, 59);
      case 'N18.32':
        return this.random.int(30, 44);
      default:
        return this.random.int(30, 59);
    }
  }

  // ------------------------------------------------------------------------------------------ specialists

  private planSpecialistVisits(): void {
    const { member, random } = this;
    const cardiac: ChronicConditionKey[] = [
      'coronary-artery-disease',
      'atrial-fibrillation',
      'heart-failure',
    ];
    const startOf = (keys: readonly ChronicConditionKey[]): number | undefined => {
      let start: number | undefined;
      for (const key of keys) {
        const condition = this.conditions.get(key);
        if (condition !== undefined)
          start = start === undefined ? condition.onsetDay : Math.min(start, condition.onsetDay);
      }
      return start === undefined ? undefined : Math.max(start, member.activeFrom);
    };
    const periodic = (
      keys: readonly ChronicConditionKey[],
      specialty: PracticeSpecialty,
      rate: number,
      extraLines: (day: number) => LineDraft[],
      diagnosisKeys: readonly ChronicConditionKey[],
    ): void => {
      const start = startOf(keys);
      if (start === undefined) return;
      const provider = this.specialist(specialty);
      MemberPlanner.segments(start, member.activeTo, 182, (from, to) => {
        if (!random.chance(rate)) return;
        const day = this.day(from, to);
        const diagnoses = this.activeCodes(day, diagnosisKeys);
        if (diagnoses.length === 0) return;
        const lines = [this.line('99214'), ...extraLines(day)];
        this.addProfessional({
          purpose: 'specialist-visit',
          day,
          billing: provider.practice,
          rendering: provider,
          placeOfService: PLACE_OF_SERVICE.office,
          diagnoses,
          lines,
          protected: true,
        });
      });
    };
    periodic(
      cardiac,
      'cardiology',
      0.6,
      (day) => {
        const lines: LineDraft[] = [];
        if (random.chance(0.5)) lines.push(this.line(EKG_CODE));
        if (this.has('heart-failure', day) && random.chance(0.3)) lines.push(this.line(ECHO_CODE));
        return lines;
      },
      [...cardiac, 'hypertension'],
    );
    periodic(['copd'], 'pulmonology', 0.4, () => [this.line(SPIROMETRY_CODE)], ['copd']);
    periodic(['chronic-kidney-disease'], 'nephrology', 0.35, () => [], [
      'chronic-kidney-disease',
      'diabetes',
      'hypertension',
    ]);
    if (this.has('diabetes') && random.chance(0.35))
      periodic(['diabetes'], 'endocrinology', 0.5, () => [], ['diabetes']);

    const depression = this.conditions.get('depression');
    if (depression !== undefined && random.chance(0.35)) {
      const provider = this.specialist('behavioral-health');
      let day = this.day(Math.max(depression.onsetDay, member.activeFrom), member.activeTo);
      const sessions = random.int(4, 10);
      for (let i = 0; i <= sessions && day <= member.activeTo; i += 1) {
        this.addProfessional({
          purpose: 'specialist-visit',
          day,
          billing: provider.practice,
          rendering: provider,
          placeOfService: PLACE_OF_SERVICE.office,
          diagnoses: [depression.code],
          lines: [this.line(i === 0 ? PSYCH_EVAL_CODE : PSYCHOTHERAPY_CODE)],
          protected: true,
        });
        day += random.int(14, 28);
      }
    }

    const diabetes = this.conditions.get('diabetes');
    if (diabetes !== undefined) {
      const provider = this.specialist('ophthalmology');
      let first = true;
      MemberPlanner.segments(
        Math.max(diabetes.onsetDay, member.activeFrom),
        member.activeTo,
        365,
        (from, to) => {
          if (!random.chance(0.55)) return;
          const day = this.day(from, to);
          const retinopathy = random.chance(0.15);
          this.addProfessional({
            purpose: 'eye-exam',
            day,
            billing: provider.practice,
            rendering: provider,
            placeOfService: PLACE_OF_SERVICE.office,
            diagnoses: [diabetes.code],
            lines: [
              this.line(first && random.chance(0.4) ? EYE_EXAM_NEW_CODE : EYE_EXAM_ESTABLISHED_CODE),
              {
                procedureCode: retinopathy
                  ? EYE_EXAM_CPT_II_WITH_RETINOPATHY
                  : EYE_EXAM_CPT_II_WITHOUT_RETINOPATHY,
                units: 1,
                chargedCents: 0,
              },
            ],
            protected: false,
          });
          first = false;
        },
      );
    }
  }

  // ------------------------------------------------------------------------------------------ pharmacy

  private planMaintenanceDrugs(): void {
    const { member, random } = this;
    const wanted: { key: DrugKey; onset: number }[] = [];
    const want = (key: DrugKey, trigger: ChronicConditionKey, p: number): void => {
      const condition = this.conditions.get(trigger);
      if (condition === undefined || wanted.some((w) => w.key === key) || !random.chance(p)) return;
      wanted.push({ key, onset: condition.onsetDay });
    };
    const age = member.ageAtAsOf;
    if (this.type1) want('insulin-glargine', 'diabetes', 1);
    else {
      want('metformin', 'diabetes', 0.8);
      want('insulin-glargine', 'diabetes', this.hba1cBaseline > 9 ? 0.45 : 0.15);
    }
    const statin: DrugKey = random.chance(0.65) ? 'atorvastatin' : 'rosuvastatin';
    if (age >= 40 && age <= 75) want(statin, 'diabetes', 0.65);
    want(statin, 'hyperlipidemia', 0.75);
    want(statin, 'coronary-artery-disease', 0.8);
    const ras: DrugKey = random.chance(0.6) ? 'lisinopril' : 'losartan';
    want(ras, 'hypertension', 0.8);
    want(ras, 'chronic-kidney-disease', 0.6);
    want(ras, 'heart-failure', 0.75);
    want('furosemide', 'heart-failure', 0.9);
    want('fluticasone', 'asthma', 0.5);
    want('montelukast', 'asthma', 0.3);
    want('tiotropium', 'copd', 0.6);
    want('sertraline', 'depression', 0.6);
    want('apixaban', 'atrial-fibrillation', 0.75);

    const plantIndex =
      wanted.length > 0 && random.chance(LATE_REFILL_RATE) ? random.int(0, wanted.length - 1) : -1;
    wanted.forEach(({ key, onset }, index) => {
      const product = DRUG_PRODUCTS[key];
      const longSupply = random.chance(
        key === 'insulin-glargine' ? 0.2 : member.planType === 'medicare-advantage' ? 0.5 : 0.35,
      );
      const daysSupply = longSupply ? 90 : 30;
      const pharmacy = longSupply && random.chance(0.6) ? member.mailOrderPharmacy : member.pharmacy;
      const first =
        onset <= member.activeFrom
          ? member.activeFrom + random.int(0, daysSupply - 1)
          : onset + random.int(0, 14);
      if (first > member.activeTo) return;
      let fills = this.fillSchedule(first, daysSupply);
      if (index === plantIndex) {
        const open = member.activeTo === this.context.asOfDay && random.chance(0.4);
        if (!open && fills.length >= 2) {
          const gapAfter = random.int(0, Math.max(0, fills.length - 3));
          fills = this.fillSchedule(first, daysSupply, gapAfter);
          // The late fill may fall after the member's last active day: the gap is then open at asOf, or not yet due.
          const lastFill = fills[fills.length - 1] ?? first;
          if (fills.length > gapAfter + 1) this.plantedLateRefills.set(product.ndc, 'resumed');
          else if (
            member.activeTo === this.context.asOfDay &&
            this.context.asOfDay > lastFill + daysSupply + LATE_REFILL_GRACE_DAYS
          ) {
            this.plantedLateRefills.set(product.ndc, 'open-at-as-of');
          }
        } else {
          const lastAllowed = this.context.asOfDay - daysSupply - LATE_REFILL_GRACE_DAYS - random.int(1, 90);
          const kept = fills.filter((day) => day <= lastAllowed);
          if (kept.length > 0 && member.activeTo === this.context.asOfDay) {
            fills = kept;
            this.plantedLateRefills.set(product.ndc, 'open-at-as-of');
          }
        }
      }
      const perPrescription = daysSupply === 90 ? 4 : 12;
      fills.forEach((day, n) =>
        this.addFill(day, this.drug(key, daysSupply, n % perPrescription), pharmacy, true),
      );
    });

    // As-needed rescue inhaler for asthma and COPD.
    const asthma = this.conditions.get('asthma') ?? this.conditions.get('copd');
    if (asthma !== undefined && random.chance(0.7)) {
      for (
        let day = Math.max(asthma.onsetDay, member.activeFrom) + random.daysUntilNext(3);
        day <= member.activeTo;
        day += random.daysUntilNext(3)
      ) {
        this.addFill(day, this.drug('albuterol', 30, 0), member.pharmacy, false);
      }
    }
  }

  /** Regular fills from `first`; after fill number `gapAfter` the next fill is late by more than the grace. */
  private fillSchedule(first: number, daysSupply: number, gapAfter?: number): number[] {
    const days: number[] = [];
    for (let day = first, n = 0; day <= this.member.activeTo; n += 1) {
      days.push(day);
      day +=
        n === gapAfter
          ? daysSupply + LATE_REFILL_GRACE_DAYS + this.random.int(1, 60)
          : daysSupply + this.random.int(-3, 5);
    }
    return days;
  }

  // ------------------------------------------------------------------------------------------ preventive, sick, ER

  private planPreventiveVisits(): void {
    const { member, random } = this;
    let first = true;
    const visit = (day: number): void => {
      const age = this.ageOn(day);
      const lines: LineDraft[] = [];
      if (member.planType === 'medicare-advantage' && age >= 65) {
        lines.push(
          this.line(first && random.chance(0.2) ? ANNUAL_WELLNESS_INITIAL : ANNUAL_WELLNESS_SUBSEQUENT),
        );
        if (random.chance(0.5)) lines.push(this.line(DEPRESSION_SCREENING_CODE));
      } else {
        const band =
          PREVENTIVE_VISIT_CODES.find(([maxAge]) => age <= maxAge) ??
          PREVENTIVE_VISIT_CODES[PREVENTIVE_VISIT_CODES.length - 1];
        if (band === undefined) return;
        lines.push(this.line(first && random.chance(0.1) ? band[1] : band[2]));
      }
      const codes = age < 18 ? PREVENTIVE_DIAGNOSES_CHILD : PREVENTIVE_DIAGNOSES_ADULT;
      const { practice, clinician } = this.usual();
      this.addProfessional({
        purpose: 'preventive-visit',
        day,
        billing: practice,
        rendering: { practice, clinician },
        placeOfService: PLACE_OF_SERVICE.office,
        diagnoses: [random.chance(0.9) ? codes[0] : codes[1]],
        lines,
        protected: false,
      });
      first = false;
    };
    MemberPlanner.segments(member.activeFrom, member.activeTo, 365, (from, to) => {
      if (this.ageOn(from) < 2) {
        for (
          let day = Math.max(from, member.birthDay + 3) + random.int(0, 30);
          day <= to;
          day += random.int(55, 95)
        )
          visit(day);
        return;
      }
      const age = this.ageOn(from);
      const p =
        age < 18
          ? 0.7
          : age < 40
            ? 0.4
            : age < 65
              ? 0.5
              : member.planType === 'medicare-advantage'
                ? 0.7
                : 0.6;
      if (random.chance(p)) visit(this.day(from, to));
    });
  }

  private planSickVisits(): void {
    const { member, random } = this;
    const age = member.ageAtAsOf;
    const rate = age < 5 ? 2.5 : age < 18 ? 1.2 : age < 65 ? 1.1 : 1.8;
    for (
      let day = member.activeFrom + random.daysUntilNext(rate) - 1;
      day <= member.activeTo;
      day += random.daysUntilNext(rate)
    ) {
      const ageThen = this.ageOn(day);
      const eligible = ACUTE_DIAGNOSES.filter(([, min, max]) => ageThen >= min && ageThen <= max);
      const diagnoses = [random.pick(eligible)[0]];
      if (random.chance(0.25)) {
        const second = random.pick(eligible)[0];
        if (!diagnoses.includes(second)) diagnoses.push(second);
      }
      const ownPractice = random.chance(0.8);
      const practice = ownPractice ? member.practice : this.pickPractice('family-medicine');
      const clinician = ownPractice ? member.clinician : random.pick(practice.clinicians);
      const code = random.chance(ownPractice ? 0.04 : 0.6)
        ? this.emCode(SICK_VISIT_NEW_CODES)
        : this.emCode(SICK_VISIT_ESTABLISHED_CODES);
      this.addProfessional({
        purpose: 'sick-visit',
        day,
        billing: practice,
        rendering: { practice, clinician },
        placeOfService: PLACE_OF_SERVICE.office,
        diagnoses,
        lines: [this.line(code)],
        protected: false,
      });
      if (diagnoses.some((code) => INFECTION_DIAGNOSES.has(code)) && random.chance(0.55)) {
        const fillDay = Math.min(member.activeTo, day + (random.chance(0.4) ? 1 : 0));
        this.addFill(
          fillDay,
          random.chance(0.7) ? this.drug('amoxicillin', 10, 0) : this.drug('azithromycin', 5, 0),
          member.pharmacy,
          false,
        );
      }
    }
  }

  private planEmergencyVisits(): void {
    const { member, random } = this;
    const age = member.ageAtAsOf;
    let rate = age < 18 ? 0.12 : age < 65 ? 0.1 : 0.25;
    if (this.has('heart-failure') || this.has('copd')) rate += 0.2;
    for (
      let day = member.activeFrom + random.daysUntilNext(rate) - 1;
      day <= member.activeTo;
      day += random.daysUntilNext(rate)
    ) {
      const diagnoses = [random.pick(ER_DIAGNOSES)];
      const code = this.emCode(ER_VISIT_CODES);
      const group = this.specialist('emergency-medicine');
      this.addProfessional({
        purpose: 'emergency',
        day,
        billing: group.practice,
        rendering: group,
        placeOfService: PLACE_OF_SERVICE.emergencyRoom,
        diagnoses,
        lines: [this.line(code)],
        protected: false,
      });
      const lines: LineDraft[] = [this.revenueLine(REVENUE.emergencyRoom, 1, code)];
      if (random.chance(0.5)) lines.push(this.revenueLine(REVENUE.laboratory, 1, CBC_CODE));
      if (random.chance(0.3)) lines.push(this.revenueLine(REVENUE.radiology, 1, CHEST_XRAY_CODE));
      this.addInstitutional({
        purpose: 'emergency',
        fromDay: day,
        toDay: day,
        billing: this.facility('hospital'),
        typeOfBill: TYPE_OF_BILL.outpatient,
        diagnoses,
        lines,
        protected: false,
      });
    }
  }

  private planPneumoniaStays(): void {
    const { member, random } = this;
    if (member.ageAtAsOf < 18) return;
    const rate = member.ageAtAsOf >= 65 ? 0.03 : 0.003;
    for (
      let day = member.activeFrom + random.daysUntilNext(rate) - 1;
      day <= member.activeTo;
      day += random.daysUntilNext(rate)
    ) {
      const to = Math.min(day + random.int(2, 6), member.activeTo);
      const diagnoses = [PNEUMONIA_DIAGNOSIS, ...this.activeCodes(day)];
      const lines = [
        this.revenueLine(REVENUE.emergencyRoom, 1),
        this.revenueLine(REVENUE.roomAndBoard, Math.max(1, to - day)),
        this.revenueLine(REVENUE.pharmacy, 1),
        this.revenueLine(REVENUE.radiology, 1, CHEST_XRAY_CODE),
      ];
      this.addInstitutional({
        purpose: 'inpatient',
        fromDay: day,
        toDay: to,
        billing: this.facility('hospital'),
        typeOfBill: TYPE_OF_BILL.inpatient,
        diagnoses,
        lines,
        protected: false,
      });
    }
  }

  // ------------------------------------------------------------------------------------------ screenings

  private planScreenings(): void {
    const { member, random } = this;
    const age = member.ageAtAsOf;
    const last = member.activeTo;
    if (member.sex === 'female' && age >= 40 && age <= 74 && random.chance(age >= 50 ? 0.68 : 0.4)) {
      const radiology = this.specialist('radiology');
      const hospital = this.facility('hospital');
      for (
        let day = this.day(member.activeFrom, Math.min(last, member.activeFrom + 820));
        day <= last;
        day += random.int(365, 730)
      ) {
        const diagnoses = [MAMMOGRAPHY_DIAGNOSIS];
        this.addProfessional({
          purpose: 'screening',
          day,
          billing: radiology.practice,
          rendering: radiology,
          placeOfService: PLACE_OF_SERVICE.outpatientHospital,
          diagnoses,
          lines: [this.line(MAMMOGRAPHY_CODE, { modifiers: ['26'] })],
          protected: false,
          screening: 'mammography',
        });
        this.addInstitutional({
          purpose: 'screening',
          fromDay: day,
          toDay: day,
          billing: hospital,
          typeOfBill: TYPE_OF_BILL.outpatient,
          diagnoses,
          lines: [this.revenueLine(REVENUE.mammography, 1, MAMMOGRAPHY_CODE)],
          protected: false,
          screening: 'mammography',
        });
      }
    }
    if (age >= 45 && age <= 75) {
      const diagnoses = [COLORECTAL_SCREENING_DIAGNOSIS];
      if (random.chance(0.12)) {
        const day = this.day(member.activeFrom, last);
        const gi = this.specialist('gastroenterology');
        const modifiers =
          member.planType !== 'medicare-advantage' && random.chance(0.5) ? { modifiers: ['33'] } : {};
        this.addProfessional({
          purpose: 'screening',
          day,
          billing: gi.practice,
          rendering: gi,
          placeOfService: PLACE_OF_SERVICE.outpatientHospital,
          diagnoses,
          lines: [this.line(COLONOSCOPY_CODE, modifiers)],
          protected: false,
          screening: 'colonoscopy',
        });
        this.addInstitutional({
          purpose: 'screening',
          fromDay: day,
          toDay: day,
          billing: this.facility('hospital'),
          typeOfBill: TYPE_OF_BILL.outpatient,
          diagnoses,
          lines: [this.revenueLine(REVENUE.gastroIntestinal, 1, COLONOSCOPY_CODE)],
          protected: false,
          screening: 'colonoscopy',
        });
      } else if (random.chance(0.2)) {
        const lab = this.facility('laboratory');
        MemberPlanner.segments(member.activeFrom, last, 365, (from, to) => {
          if (!random.chance(0.7)) return;
          this.addProfessional({
            purpose: 'screening',
            day: this.day(from, to),
            billing: lab,
            placeOfService: PLACE_OF_SERVICE.independentLab,
            diagnoses,
            lines: [this.line(FIT_CODE)],
            protected: false,
            screening: 'fit',
          });
        });
      }
    }
  }

  // ------------------------------------------------------------------------------------------ near-miss

  private planNearMiss(): void {
    const { member, random } = this;
    if (
      member.ageAtAsOf < 18 ||
      member.activeTo - member.activeFrom < MIN_ACTIVE_DAYS_FOR_CONDITIONS ||
      !random.chance(NEAR_MISS_RATE)
    )
      return;
    const candidates = CHRONIC_CONDITION_KEYS.filter(
      (key) => !this.conditions.has(key) && !(key === 'asthma' && this.has('copd')),
    );
    if (candidates.length === 0) return;
    const condition = random.pick(candidates);
    const code = random.pick(CHRONIC_CONDITIONS[condition].memberCodes);
    const day = this.day(this.evidenceStart, member.activeTo);
    const pattern = random.chance(0.6) ? 'single-claim' : 'same-day-claims';
    const { practice, clinician } = this.usual();
    const visit = (billing: Practice, rendering: Clinician): void => {
      this.addProfessional({
        purpose: 'near-miss-visit',
        day,
        billing,
        rendering: { practice: billing, clinician: rendering },
        placeOfService: PLACE_OF_SERVICE.office,
        diagnoses: [code],
        lines: [this.line('99213')],
        protected: true,
        nearMiss: condition,
      });
    };
    visit(practice, clinician);
    if (pattern === 'same-day-claims') {
      const other = this.specialist('family-medicine');
      visit(other.practice, other.clinician);
    }
    this.nearMisses.push({ condition, pattern, date: this.context.days.format(day) });
  }
}
