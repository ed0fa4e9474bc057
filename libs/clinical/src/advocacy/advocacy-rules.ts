import { ADVOCACY_SERVICES, type AdvocacyService } from './advocacy-services.data';

/** Relationships to the covered employee that advocacy serves (CLINICAL.md: employees and their families). */
export const ADVOCACY_ELIGIBLE_RELATIONSHIPS = [
  'subscriber',
  'spouse',
  'domestic-partner',
  'child',
  'parent',
  'parent-in-law',
] as const;

export type AdvocacyDecision<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly reason: string };

/** Whether a person with this relationship to the covered employee may open an advocacy case. */
export function advocacyEligibility(relationship: string): AdvocacyDecision<string> {
  return (ADVOCACY_ELIGIBLE_RELATIONSHIPS as readonly string[]).includes(relationship)
    ? { ok: true, value: relationship }
    : {
        ok: false,
        reason: `relationship ${relationship} is not served: advocacy covers the employee, spouse or domestic partner, dependent children, parents and parents-in-law`,
      };
}

/** Who handles a request: the health plan's own team, or the advocates, with the reason recorded. */
export interface AdvocacyRoute {
  readonly queue: 'health-plan' | 'advocacy';
  readonly reason: string;
}

const PLAN_REASONS: Readonly<Record<AdvocacyService['routing'], string | null>> = {
  'plan-clinical': 'clinical request for a member whose medical plan the health plan administers',
  'plan-administrative': 'standard administrative request the health plan handles for its own plans',
  'plan-covered-bill': 'covered portion of a medical bill of a plan the health plan administers',
  advocate: null,
};

/**
 * Routes a request by service: for members whose medical plan the health plan administers itself, clinical,
 * standard administrative (benefits and claims) and covered-bill questions go to the plan's team; everything outside
 * its customary services stays with the advocates. Unknown services are refused.
 */
export function routeAdvocacyRequest(
  serviceId: string,
  planAdministeredByHealthPlan: boolean,
): AdvocacyDecision<AdvocacyRoute> {
  const service = ADVOCACY_SERVICES.find((candidate) => candidate.id === serviceId);
  if (service === undefined) return { ok: false, reason: `unknown advocacy service ${serviceId}` };
  const planReason = PLAN_REASONS[service.routing];
  if (planAdministeredByHealthPlan && planReason !== null) {
    return { ok: true, value: { queue: 'health-plan', reason: planReason } };
  }
  return {
    ok: true,
    value: {
      queue: 'advocacy',
      reason: planAdministeredByHealthPlan
        ? "outside the health plan's customary services"
        : "the member's medical plan is not administered by the health plan",
    },
  };
}

/** The smallest non-covered bill the bill-saver service negotiates is above this amount (US dollars). */
export const BILL_NEGOTIATION_THRESHOLD = 400;

export interface BillFacts {
  /** Amount the member owes, in dollars. */
  readonly amount: number;
  /** The plan covers this service (the bill is a covered bill). */
  readonly coveredByPlan: boolean;
  readonly inNetworkProvider: boolean;
}

/**
 * Bill negotiation ("bill saver"): only for bills the plan does not cover and over $400. An in-network provider is
 * negotiated with only when the plan does not cover the service (e.g. visit limits exhausted), which the first rule
 * already requires.
 */
export function billNegotiationEligibility(bill: BillFacts): AdvocacyDecision<BillFacts> {
  if (!Number.isFinite(bill.amount) || bill.amount < 0)
    return { ok: false, reason: 'the bill amount is not valid' };
  if (bill.coveredByPlan) {
    return {
      ok: false,
      reason: bill.inNetworkProvider
        ? 'covered bill from an in-network provider: negotiated only when the plan does not cover the service'
        : 'covered bill: the plan pays it; bill review handles wrong charges',
    };
  }
  if (bill.amount <= BILL_NEGOTIATION_THRESHOLD) {
    return {
      ok: false,
      reason: `non-covered bills are negotiated above $${String(BILL_NEGOTIATION_THRESHOLD)}`,
    };
  }
  return { ok: true, value: bill };
}
