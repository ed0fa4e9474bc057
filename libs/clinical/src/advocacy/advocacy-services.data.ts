/**
 * Health-advocacy service catalog (CLINICAL.md section 1, "Health advocacy"). Each service names its category and
 * who handles it when the member's medical plan is administered by the health plan itself:
 * - `plan-clinical`: clinical requests go to the plan's own team;
 * - `plan-administrative`: standard administrative (benefits and claims) requests go to the plan's team;
 * - `plan-covered-bill`: questions about the covered portion of medical bills go to the plan's team;
 * - `advocate`: stays with the advocates (outside the plan's customary services: community services, equipment
 *   and supplies, senior care, cost work, bill negotiation).
 */
export const ADVOCACY_CATALOG_VERSION = 'advocacy-2026.1';

export const ADVOCACY_CATEGORIES = [
  'clinical',
  'senior-care',
  'benefits-and-claims',
  'financial',
  'bill-negotiation',
] as const;
export type AdvocacyCategory = (typeof ADVOCACY_CATEGORIES)[number];

export type PlanRouting = 'plan-clinical' | 'plan-administrative' | 'plan-covered-bill' | 'advocate';

export interface AdvocacyService {
  readonly id: string;
  readonly category: AdvocacyCategory;
  readonly name: string;
  readonly routing: PlanRouting;
}

const service = (
  id: string,
  category: AdvocacyCategory,
  name: string,
  routing: PlanRouting,
): AdvocacyService => ({
  id,
  category,
  name,
  routing,
});

export const ADVOCACY_SERVICES: readonly AdvocacyService[] = [
  service('explain-care', 'clinical', 'Explain terms, tests and medications', 'plan-clinical'),
  service(
    'find-provider',
    'clinical',
    'Find doctors, hospitals and dentists (network first)',
    'plan-clinical',
  ),
  service('second-opinion', 'clinical', 'Second opinions and appointments', 'plan-clinical'),
  service(
    'complex-care-centre',
    'clinical',
    'Top institutions for rare or complex conditions, travel and lodging',
    'plan-clinical',
  ),
  service('records-transfer', 'clinical', 'Transfer of records, X-rays and lab results', 'plan-clinical'),
  service('arrange-tests', 'clinical', 'Arrange diagnostic tests', 'plan-clinical'),
  service('clinical-trials', 'clinical', 'Clinical trials', 'plan-clinical'),
  service(
    'prescription-issues',
    'clinical',
    'Formulary, generics, mail order, lower-cost sources',
    'plan-clinical',
  ),
  service('discharge-home-care', 'clinical', 'Home care and equipment after discharge', 'plan-clinical'),
  service('hospice', 'clinical', 'Hospice and home care for the terminally ill', 'plan-clinical'),
  service('complementary-services', 'clinical', 'Complementary services', 'plan-clinical'),
  service(
    'eldercare-facilities',
    'senior-care',
    'Eldercare facilities, group and nursing homes, adult day care',
    'advocate',
  ),
  service(
    'home-health-aides',
    'senior-care',
    'Home health aides, private-duty nurses, rehabilitation',
    'advocate',
  ),
  service('house-calls', 'senior-care', 'Doctors who make house calls', 'advocate'),
  service('community-services', 'senior-care', 'Community services', 'advocate'),
  service(
    'benefits-coverage',
    'benefits-and-claims',
    'Benefits, coverage, eligibility and claim paperwork',
    'plan-administrative',
  ),
  service(
    'pre-authorization',
    'benefits-and-claims',
    'Pre-authorization and pre-determination',
    'plan-administrative',
  ),
  service(
    'network-transition',
    'benefits-and-claims',
    'Moving from out-of-network to in-network providers',
    'plan-administrative',
  ),
  service(
    'claim-problems',
    'benefits-and-claims',
    'Denials, wrong coding, deductibles and co-pays, plan interpretation',
    'plan-administrative',
  ),
  service(
    'coordination-of-benefits',
    'benefits-and-claims',
    'Coordination-of-benefits disputes between carriers',
    'plan-administrative',
  ),
  service('referrals', 'benefits-and-claims', 'Referrals', 'plan-administrative'),
  service(
    'equipment-and-supplies',
    'benefits-and-claims',
    'Suppliers and out-of-network approval for equipment',
    'advocate',
  ),
  service(
    'appeals-and-grievances',
    'benefits-and-claims',
    'Review, appeals and grievances (never legal advice)',
    'plan-administrative',
  ),
  service(
    'cost-estimate',
    'financial',
    'Current costs, alternatives, comparative and zip-code cost estimates',
    'advocate',
  ),
  service('fee-negotiation', 'financial', 'Negotiating fees before service', 'advocate'),
  service(
    'covered-bill-review',
    'financial',
    'Questions about the covered portion of a medical bill',
    'plan-covered-bill',
  ),
  service('bill-review', 'financial', 'Reviewing bills for duplicate or wrong charges', 'advocate'),
  service(
    'bill-saver',
    'bill-negotiation',
    'Negotiate a discount on a non-covered bill over $400',
    'advocate',
  ),
];
