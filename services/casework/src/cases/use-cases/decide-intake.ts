import {
  ADVOCACY_CATALOG_VERSION,
  ADVOCACY_SERVICES,
  advocacyEligibility,
  billNegotiationEligibility,
  routeAdvocacyRequest,
  type AdvocacyCategory,
} from '@care/clinical';
import type { CaseMemberFacts } from '../../members/case-member.repository';
import type { CaseBill, CaseQueue } from '../case.model';

/** The bill-saver service: the only one that negotiates a bill. */
export const BILL_SAVER_SERVICE = 'bill-saver';

/** Why an intake is refused; each is answered 422 with the reason. */
export type IntakeRefusalCode = 'member-unknown' | 'not-eligible' | 'bill-not-eligible' | 'unknown-service';

export type IntakeDecision =
  | {
      readonly ok: true;
      readonly category: AdvocacyCategory;
      readonly catalogVersion: string;
      readonly queue: CaseQueue;
      readonly routingReason: string;
    }
  | { readonly ok: false; readonly code: IntakeRefusalCode; readonly reason: string };

export interface IntakeRequest {
  readonly memberId: string;
  readonly serviceId: string;
  readonly bill?: CaseBill;
}

/**
 * Whether casework takes the request in, and who works it. The person served must be on the roster, related to the
 * covered employee as the employee, spouse or domestic partner, dependent child, parent or parent-in-law, and covered
 * on `today` (coverage dates unknown for rows projected before casework kept them: accepted). A bill-saver request
 * needs a non-covered bill over $400. Routing: requests the member's own medical plan handles go to the health plan's
 * queue, with the reason. Reasons name relationships and rules, never personal data.
 */
export function decideIntake(member: CaseMemberFacts | undefined, request: IntakeRequest, today: string): IntakeDecision {
  if (member === undefined) {
    return { ok: false, code: 'member-unknown', reason: `member ${request.memberId} is not on the roster casework holds` };
  }
  const eligibility = advocacyEligibility(member.relationship);
  if (!eligibility.ok) return { ok: false, code: 'not-eligible', reason: eligibility.reason };
  const covered =
    (member.coverageEffective === null || member.coverageEffective <= today) &&
    (member.coverageTermination === null || today <= member.coverageTermination);
  if (!covered) return { ok: false, code: 'not-eligible', reason: `coverage is not active on ${today}` };
  const service = ADVOCACY_SERVICES.find((candidate) => candidate.id === request.serviceId);
  if (service === undefined) {
    return { ok: false, code: 'unknown-service', reason: `unknown advocacy service ${request.serviceId}` };
  }
  if (service.id === BILL_SAVER_SERVICE) {
    if (request.bill === undefined) {
      return { ok: false, code: 'bill-not-eligible', reason: 'bill negotiation needs the bill (amount, coverage, network)' };
    }
    const bill = billNegotiationEligibility(request.bill);
    if (!bill.ok) return { ok: false, code: 'bill-not-eligible', reason: bill.reason };
  }
  const route = routeAdvocacyRequest(service.id, member.planAdministeredByHealthPlan ?? false);
  if (!route.ok) return { ok: false, code: 'unknown-service', reason: route.reason };
  return {
    ok: true,
    category: service.category,
    catalogVersion: ADVOCACY_CATALOG_VERSION,
    queue: route.value.queue,
    routingReason:
      member.planAdministeredByHealthPlan === null
        ? `${route.value.reason} (plan administration not yet known from the roster)`
        : route.value.reason,
  };
}
