import type { Relationship } from '@care/contracts';
import { sourceOf, type FieldSource, type MappingIssue } from '../mapping/field-sources';
import { x12DatePeriod, x12Decimal } from '../mapping/x12-values';
import { components, element, findSegment, type PositionedSegment } from '../structure/positioned-segment';
import type { Claim837Unit } from './claim-837-set.reader';
import type { Claim837Kind } from './claim-837.structure';

/**
 * A patient of loop 2000C: not identified by a member id of their own (the TR3 uses that loop only then), so the
 * roster is searched for the subscriber's family member of that relationship and birth date.
 */
export interface PatientToMatch {
  readonly subscriberId: string;
  /** Roster relationships PAT01 allows; `any` for PAT01 21 (unknown). */
  readonly relationships: readonly Relationship[] | 'any';
  readonly birthDate?: string;
  readonly firstName?: string;
  readonly source: FieldSource;
}

/** One 837 claim mapped to the shape of a ClaimSubmission, with where each field came from. */
export interface MappedClaim837 {
  /** CLM01, the claim submitter's identifier, as the summary and the 999 name the claim. */
  readonly claimId: string;
  readonly plain: Record<string, unknown>;
  readonly sources: ReadonlyMap<string, FieldSource>;
  readonly issues: readonly MappingIssue[];
  readonly patient?: PatientToMatch;
  /** The CLM segment: where an error without a better place is reported. */
  readonly claimSource: FieldSource;
}

/** memberId of a 2000C claim until the roster names the patient (valid as a member id; never stored). */
export const PATIENT_MEMBER_PLACEHOLDER = 'X12-PATIENT-PENDING';

/** CLM05-3 claim frequency codes the platform takes, with the claim frequency each stands for. */
const FREQUENCIES: Readonly<Record<string, 'original' | 'replacement' | 'void'>> = {
  '1': 'original',
  '7': 'replacement',
  '8': 'void',
};

/** HI qualifiers of ICD-10-CM diagnoses, in the order the claim's diagnoses list them. */
const ICD10_DIAGNOSIS_QUALIFIERS: Readonly<Record<Claim837Kind, readonly string[]>> = {
  professional: ['ABK', 'ABF'],
  institutional: ['ABK', 'ABF', 'ABJ', 'APR', 'ABN'],
};
/** Their ICD-9-CM counterparts: refused (ICD-9 codes are not valid for services since October 2015). */
const ICD9_QUALIFIERS = ['BK', 'BF', 'BJ', 'PR', 'BN', 'BR', 'BQ'];

/** PAT01 individual relationship codes and the roster relationships each may be. */
const PATIENT_RELATIONSHIPS: Readonly<Record<string, readonly Relationship[] | 'any'>> = {
  '01': ['spouse'],
  '19': ['child'],
  '20': ['subscriber'],
  '21': 'any',
  '53': ['domestic-partner'],
  G8: ['parent', 'parent-in-law', 'other-dependent'],
};

/** Units of a drug quantity (CTP05-1) the contract takes. */
const DRUG_UNITS = ['F2', 'GR', 'ME', 'ML', 'UN'];

/**
 * Maps one claim of an 837P or 837I to the fields of a ClaimSubmission (docs/x12-837-mapping.md, field by field).
 * Pure. Values are carried as the file has them (validation names what is wrong); what the mapping itself must
 * refuse (ICD-9 qualifiers, frequencies other than 1/7/8, a replacement without REF*F8, dates that are not D8/RD8,
 * CLM02 not the sum of the lines) is returned as issues on the field, with the segment and element.
 */
export function mapClaim837(
  unit: Claim837Unit,
  kind: Claim837Kind,
  separators: { readonly component: string },
): MappedClaim837 {
  const claim: Record<string, unknown> = {};
  const sources = new Map<string, FieldSource>();
  const issues: MappingIssue[] = [];
  const clm = unit.segments[0];
  const claimSource: FieldSource = { tag: 'CLM', position: clm.position, loop: '2300', element: 0 };
  const set = (field: string, value: unknown, source: FieldSource): void => {
    sources.set(field, source);
    if (value !== undefined && value !== '') claim[field] = value;
  };
  const issue = (
    field: string,
    message: string,
    source: FieldSource,
    code: MappingIssue['code'] = '7',
  ): void => {
    issues.push({ field, message, source, code });
  };
  sources.set('(root)', claimSource);

  // Claim identity and frequency.
  const composite = components(element(clm.segment, 5), separators.component);
  const frequencyCode = composite[2] ?? '';
  const frequencySource = sourceOf(clm, 5, { component: 3, reference: '1325' });
  const frequency = FREQUENCIES[frequencyCode];
  sources.set('frequency', frequencySource);
  if (frequency === undefined) {
    issue(
      'frequency',
      'CLM05-3 must be 1 (original), 7 (replacement) or 8 (void): interim, late-charge and other frequencies are not taken',
      frequencySource,
      frequencyCode === '' ? '1' : '7',
    );
  } else {
    claim['frequency'] = frequency;
  }
  const replacedReference = findSegment(
    unit.segments.filter((entry) => entry.loop === '2300'),
    'REF',
    'F8',
  );
  if (frequency === 'replacement' || frequency === 'void') {
    if (replacedReference === undefined || element(replacedReference.segment, 2) === '') {
      issue(
        'claimId',
        'a replacement or void (CLM05-3 7 or 8) must name the claim it replaces in REF*F8 (payer claim control number)',
        { ...sourceOf(clm, 5, { component: 3, reference: '1325' }) },
        '1',
      );
    } else {
      set(
        'claimId',
        element(replacedReference.segment, 2),
        sourceOf(replacedReference, 2, { reference: '127' }),
      );
    }
  } else {
    set('claimId', element(clm.segment, 1), sourceOf(clm, 1, { reference: '1028' }));
  }
  // The version of a replacement or void is assigned at intake (docs/adr/0016); an original is version 1.
  claim['version'] = 1;
  sources.set('version', frequencySource);
  claim['claimType'] = kind;
  claim['adjudicationStatus'] = 'pending';

  // The member: the subscriber when the subscriber is the patient, else the roster's family member.
  const subscriberName = findSegment(unit.subscriber, 'NM1', 'IL');
  let patient: PatientToMatch | undefined;
  if (unit.patient === undefined) {
    if (subscriberName !== undefined) {
      set('memberId', element(subscriberName.segment, 9), sourceOf(subscriberName, 9, { reference: '67' }));
    }
  } else {
    const patientInfo = findSegment(unit.patient, 'PAT');
    const patientName = findSegment(unit.patient, 'NM1', 'QC');
    const patientDemographics = findSegment(unit.patient, 'DMG');
    const relationshipCode = patientInfo === undefined ? '' : element(patientInfo.segment, 1);
    const relationships = PATIENT_RELATIONSHIPS[relationshipCode];
    const nameSource: FieldSource = patientName === undefined ? claimSource : sourceOf(patientName, 0);
    sources.set('memberId', nameSource);
    if (patientInfo !== undefined && relationships === undefined) {
      issue(
        'memberId',
        "PAT01 must be 01 (spouse), 19 (child), 20 (employee), 21 (unknown), 53 (life partner) or G8 (other relationship): the patient must be a member of the subscriber's family on the roster",
        sourceOf(patientInfo, 1, { reference: '1069' }),
      );
    } else if (subscriberName !== undefined && relationships !== undefined) {
      const birth =
        patientDemographics === undefined
          ? undefined
          : x12DatePeriod('D8', element(patientDemographics.segment, 2));
      const firstName = patientName === undefined ? '' : element(patientName.segment, 4);
      patient = {
        subscriberId: element(subscriberName.segment, 9),
        relationships,
        ...(birth === undefined ? {} : { birthDate: birth.from }),
        ...(firstName === '' ? {} : { firstName }),
        source: nameSource,
      };
      claim['memberId'] = PATIENT_MEMBER_PLACEHOLDER;
    }
  }

  // Providers.
  const billingName = findSegment(unit.billing, 'NM1', '85');
  if (billingName !== undefined) {
    const billing: Record<string, unknown> = {};
    sources.set('billingProvider', sourceOf(billingName, 0));
    sources.set('billingProvider.npi', sourceOf(billingName, 9, { reference: '67' }));
    if (element(billingName.segment, 8) !== 'XX') {
      issue(
        'billingProvider.npi',
        'NM108 of the billing provider must be XX: the NPI',
        sourceOf(billingName, 8, { reference: '66' }),
      );
    }
    if (element(billingName.segment, 9) !== '') billing['npi'] = element(billingName.segment, 9);
    const name = providerName(billingName);
    if (name !== undefined) billing['name'] = name;
    sources.set('billingProvider.name', sourceOf(billingName, 3, { reference: '1035' }));
    const taxId = findSegment(unit.billing, 'REF', ['EI', 'SY']);
    if (taxId !== undefined) {
      sources.set('billingProvider.tin', sourceOf(taxId, 2, { reference: '127' }));
      if (element(taxId.segment, 2) !== '') billing['tin'] = element(taxId.segment, 2);
    } else {
      sources.set('billingProvider.tin', sourceOf(billingName, 0));
    }
    claim['billingProvider'] = billing;
  }
  const renderingQualifiers = kind === 'professional' ? ['82'] : ['71', '82'];
  const claimLevel = unit.segments.filter((entry) => entry.loop.startsWith('2310'));
  const rendering = renderingQualifiers
    .map((qualifier) => findSegment(claimLevel, 'NM1', qualifier))
    .find((found): found is PositionedSegment => found !== undefined);
  if (rendering !== undefined) {
    const provider: Record<string, unknown> = {};
    sources.set('renderingProvider', sourceOf(rendering, 0));
    sources.set('renderingProvider.npi', sourceOf(rendering, 9, { reference: '67' }));
    if (element(rendering.segment, 9) !== '') provider['npi'] = element(rendering.segment, 9);
    const name = providerName(rendering);
    if (name !== undefined) provider['name'] = name;
    claim['renderingProvider'] = provider;
  }

  // Place of service, type of bill.
  if (kind === 'professional') {
    set('placeOfService', composite[0], sourceOf(clm, 5, { component: 1, reference: '1331' }));
  } else {
    const facility = composite[0] ?? '';
    sources.set('typeOfBill', sourceOf(clm, 5, { component: 1, reference: '1331' }));
    if (facility !== '' && frequencyCode !== '') claim['typeOfBill'] = `0${facility}${frequencyCode}`;
  }

  // Diagnoses.
  const diagnoses = mapDiagnoses(unit, kind, separators.component, sources, issue);
  if (diagnoses.length > 0) claim['diagnoses'] = diagnoses;

  // Lines.
  const { lines, lineEnds } = mapLines(unit, kind, separators.component, sources, issue);
  if (lines.length > 0) claim['lines'] = lines;

  // Dates: the statement period (837I), else the span of the lines' service dates (837P).
  if (kind === 'institutional') {
    const statement = findSegment(unit.segments, 'DTP', '434');
    if (statement !== undefined) {
      const source = sourceOf(statement, 3, { reference: '1251' });
      sources.set('serviceDateFrom', source);
      sources.set('serviceDateTo', source);
      const period = x12DatePeriod(element(statement.segment, 2), element(statement.segment, 3));
      if (period === undefined) {
        issue(
          'serviceDateFrom',
          'DTP*434 must hold the statement period as RD8 CCYYMMDD-CCYYMMDD',
          source,
          '8',
        );
      } else {
        claim['serviceDateFrom'] = period.from;
        claim['serviceDateTo'] = period.to;
      }
    }
  } else {
    // The claim's span: the earliest line start and the latest line end (RD8 ranges included).
    const spans = lines
      .map((line, index) => ({
        index,
        from: line['serviceDate'],
        to: lineEnds[index] ?? line['serviceDate'],
      }))
      .filter((span): span is { index: number; from: string; to: string } => typeof span.from === 'string');
    const [firstSpan] = spans;
    if (firstSpan !== undefined) {
      const earliest = spans.reduce((a, b) => (a.from <= b.from ? a : b), firstSpan);
      const latest = spans.reduce((a, b) => (a.to >= b.to ? a : b), firstSpan);
      const first = earliest.from;
      const last = latest.to;
      claim['serviceDateFrom'] = first;
      claim['serviceDateTo'] = last;
      sources.set('serviceDateFrom', sources.get(`lines[${earliest.index}].serviceDate`) ?? claimSource);
      sources.set('serviceDateTo', sources.get(`lines[${latest.index}].serviceDate`) ?? claimSource);
    } else {
      sources.set('serviceDateFrom', claimSource);
      sources.set('serviceDateTo', claimSource);
    }
  }

  // Amounts.
  const totalSource = sourceOf(clm, 2, { reference: '782' });
  const total = x12Decimal(element(clm.segment, 2));
  set('totalChargedAmount', total, totalSource);
  const charges = lines.map((line) => line['chargedAmount']);
  if (
    typeof total === 'number' &&
    charges.length > 0 &&
    charges.every((charge): charge is number => typeof charge === 'number')
  ) {
    const sumCents = charges.reduce((sum, charge) => sum + Math.round(charge * 100), 0);
    if (sumCents !== Math.round(total * 100)) {
      issue('totalChargedAmount', 'CLM02 must equal the sum of the service line charges', totalSource);
    }
  }

  return {
    claimId: element(clm.segment, 1),
    plain: claim,
    sources,
    issues,
    ...(patient === undefined ? {} : { patient }),
    claimSource,
  };
}

function providerName(entry: PositionedSegment): string | undefined {
  const last = element(entry.segment, 3);
  const first = element(entry.segment, 4);
  const name = element(entry.segment, 2) === '1' ? `${first} ${last}`.trim() : last;
  return name === '' ? undefined : name;
}

function mapDiagnoses(
  unit: Claim837Unit,
  kind: Claim837Kind,
  separator: string,
  sources: Map<string, FieldSource>,
  issue: (field: string, message: string, source: FieldSource, code?: MappingIssue['code']) => void,
): Array<{ code: string }> {
  const found: Array<{ qualifier: string; code: string; source: FieldSource }> = [];
  const his = unit.segments.filter((entry) => entry.segment.tag === 'HI');
  if (his[0] !== undefined) sources.set('diagnoses', sourceOf(his[0], 1));
  for (const hi of his) {
    hi.segment.elements.forEach((value, index) => {
      if (value === '') return;
      const [qualifier = '', code = ''] = components(value, separator);
      const source = sourceOf(hi, index + 1, { component: 2, reference: '1271' });
      if (ICD9_QUALIFIERS.includes(qualifier)) {
        issue(
          'diagnoses',
          `HI${String(index + 1).padStart(2, '0')}-1 qualifier ${qualifier} is ICD-9-CM: claims carry ICD-10-CM codes (ABK principal, ABF other${kind === 'institutional' ? ', ABJ admitting, APR reason for visit, ABN external cause' : ''})`,
          sourceOf(hi, index + 1, { component: 1, reference: '1270' }),
        );
        return;
      }
      if (ICD10_DIAGNOSIS_QUALIFIERS[kind].includes(qualifier)) found.push({ qualifier, code, source });
    });
  }
  const order = ICD10_DIAGNOSIS_QUALIFIERS[kind];
  const ordered = [...found].sort((a, b) => order.indexOf(a.qualifier) - order.indexOf(b.qualifier));
  const principal = ordered.filter((entry) => entry.qualifier === 'ABK');
  if (found.length > 0 && principal.length !== 1) {
    issue(
      'diagnoses',
      principal.length === 0
        ? 'the principal diagnosis (HI qualifier ABK) is missing'
        : 'only one principal diagnosis (HI qualifier ABK) may be given',
      (principal[1] ?? found[0]).source,
    );
  }
  // A code given twice (an admitting diagnosis equal to the principal one) is listed once, where it first stands.
  const seen = new Set<string>();
  const diagnoses: Array<{ code: string }> = [];
  for (const entry of ordered) {
    const key = entry.code.toUpperCase().replace('.', '');
    if (seen.has(key)) continue;
    seen.add(key);
    sources.set(`diagnoses[${diagnoses.length}]`, entry.source);
    sources.set(`diagnoses[${diagnoses.length}].code`, entry.source);
    diagnoses.push({ code: entry.code });
  }
  return diagnoses;
}

function mapLines(
  unit: Claim837Unit,
  kind: Claim837Kind,
  separator: string,
  sources: Map<string, FieldSource>,
  issue: (field: string, message: string, source: FieldSource, code?: MappingIssue['code']) => void,
): { lines: Array<Record<string, unknown>>; lineEnds: Array<string | undefined> } {
  const starts = unit.segments.filter((entry) => entry.segment.tag === 'LX');
  const firstLine = starts[0];
  if (firstLine !== undefined) sources.set('lines', sourceOf(firstLine, 0));
  const lineEnds: Array<string | undefined> = [];
  const lines = starts.map((lx, index) => {
    const next = starts[index + 1]?.position ?? Number.POSITIVE_INFINITY;
    const segments = unit.segments.filter((entry) => entry.position >= lx.position && entry.position < next);
    const path = `lines[${index}]`;
    const line: Record<string, unknown> = {};
    const set = (field: string, value: unknown, source: FieldSource): void => {
      sources.set(`${path}.${field}`, source);
      if (value !== undefined && value !== '') line[field] = value;
    };
    sources.set(path, sourceOf(lx, 0));
    set('lineNumber', x12Decimal(element(lx.segment, 1)), sourceOf(lx, 1, { reference: '554' }));

    const service = findSegment(segments, kind === 'professional' ? 'SV1' : 'SV2');
    if (service !== undefined) {
      const procedureElement = kind === 'professional' ? 1 : 2;
      const [qualifier = '', code = '', ...modifiers] = components(
        element(service.segment, procedureElement),
        separator,
      );
      if (kind === 'institutional') {
        set('revenueCode', element(service.segment, 1), sourceOf(service, 1, { reference: '234' }));
      }
      const procedureSource = sourceOf(service, procedureElement, { component: 2, reference: '234' });
      sources.set(`${path}.procedureCode`, procedureSource);
      if (qualifier === 'HC') {
        if (code !== '') line['procedureCode'] = code;
      } else if (kind === 'professional' && element(service.segment, 1) !== '') {
        issue(
          `${path}.procedureCode`,
          `SV101-1 must be HC (CPT or HCPCS): other code sets are not taken`,
          sourceOf(service, 1, { component: 1, reference: '235' }),
        );
      }
      // With another qualifier (HIPPS rate codes, ...) an institutional line is kept by its revenue code.
      const given = qualifier === 'HC' ? modifiers.filter((modifier) => modifier !== '') : [];
      if (given.length > 0) line['modifiers'] = given;
      sources.set(
        `${path}.modifiers`,
        sourceOf(service, procedureElement, { component: 3, reference: '1339' }),
      );
      given.forEach((_modifier, position) =>
        sources.set(
          `${path}.modifiers[${position}]`,
          sourceOf(service, procedureElement, { component: 3 + position, reference: '1339' }),
        ),
      );
      const chargeElement = kind === 'professional' ? 2 : 3;
      const unitsElement = kind === 'professional' ? 4 : 5;
      set(
        'chargedAmount',
        x12Decimal(element(service.segment, chargeElement)),
        sourceOf(service, chargeElement, { reference: '782' }),
      );
      set(
        'units',
        x12Decimal(element(service.segment, unitsElement)),
        sourceOf(service, unitsElement, { reference: '380' }),
      );
    }

    const serviceDate = findSegment(segments, 'DTP', '472');
    if (serviceDate !== undefined) {
      const source = sourceOf(serviceDate, 3, { reference: '1251' });
      sources.set(`${path}.serviceDate`, source);
      const period = x12DatePeriod(element(serviceDate.segment, 2), element(serviceDate.segment, 3));
      if (period === undefined) {
        issue(
          `${path}.serviceDate`,
          'DTP*472 must hold a date D8 CCYYMMDD or a range RD8 CCYYMMDD-CCYYMMDD',
          source,
          '8',
        );
      } else {
        line['serviceDate'] = period.from;
        lineEnds[index] = period.to;
      }
    }

    const drug = findSegment(segments, 'LIN');
    if (drug !== undefined && element(drug.segment, 2) === 'N4') {
      set('ndc', element(drug.segment, 3), sourceOf(drug, 3, { reference: '234' }));
      const price = segments.find((entry) => entry.segment.tag === 'CTP' && entry.loop === '2410');
      if (price === undefined) {
        issue(
          `${path}.drugQuantity`,
          'the drug identification (LIN) needs its quantity and unit in CTP04 and CTP05-1',
          sourceOf(drug, 0),
          '1',
        );
      } else {
        set('drugQuantity', x12Decimal(element(price.segment, 4)), sourceOf(price, 4, { reference: '380' }));
        const [unitCode = ''] = components(element(price.segment, 5), separator);
        const unitSource = sourceOf(price, 5, { component: 1, reference: '355' });
        sources.set(`${path}.drugUnit`, unitSource);
        if (unitCode !== '' && !DRUG_UNITS.includes(unitCode)) {
          issue(`${path}.drugUnit`, 'CTP05-1 must be F2, GR, ME, ML or UN', unitSource);
        } else if (unitCode !== '') {
          line['drugUnit'] = unitCode;
        }
      }
    }
    return line;
  });
  return { lines, lineEnds };
}
