import { X12_CLAIM_FREQUENCY_CODES, type ClaimSubmission } from '@care/contracts';
import { CLAIM_837_GUIDES, type Claim837Kind } from '../claims-837/claim-837.structure';

/**
 * Test, benchmark and documentation helper: writes claims as an ASC X12 837P or 837I interchange, the inverse of
 * the mapping (docs/x12-837-mapping.md), with real envelopes (ISA/GS/ST ... SE/GE/IEA, counts and control numbers
 * right), hierarchical levels and the header loops a clearinghouse sends. Names and addresses are made up here.
 * Streams its text a transaction set at a time, so it can write files of any size.
 */
export interface X12Party {
  readonly qualifier: string;
  readonly id: string;
}

/** One claim to write: the claim as the JSON API takes it, and (for 2000C) the patient who is not the subscriber. */
export interface Claim837Spec {
  readonly claim: ClaimSubmission;
  /** CLM01 of a replacement or void; `claim.claimId` goes in REF*F8. Defaults to `claim.claimId`. */
  readonly submitterClaimId?: string;
  /** Writes the claim in a patient loop 2000C under the subscriber `subscriberId`. */
  readonly patient?: {
    readonly subscriberId: string;
    readonly relationshipCode: string;
    readonly birthDate: string;
    readonly firstName: string;
    readonly lastName: string;
    readonly sex: 'F' | 'M' | 'U';
  };
}

export interface X12Separators {
  readonly element: string;
  readonly component: string;
  readonly repetition: string;
  readonly segment: string;
  /** Written after each segment terminator (many files have a line break there). */
  readonly lineBreak: string;
}

export const DEFAULT_SEPARATORS: X12Separators = {
  element: '*',
  component: ':',
  repetition: '^',
  segment: '~',
  lineBreak: '\n',
};

export interface Interchange837Options {
  /** ISA13 (and IEA02), 1 to 999,999,999. */
  readonly controlNumber: number;
  readonly sender?: X12Party;
  readonly receiver?: X12Party;
  readonly usage?: 'P' | 'T';
  readonly separators?: X12Separators;
  /** Claims per transaction set (default 5,000, the TR3's recommended most). */
  readonly claimsPerSet?: number;
  readonly date?: Date;
}

export const TEST_SENDER: X12Party = { qualifier: 'ZZ', id: 'CLEARINGHOUSE01' };
export const TEST_RECEIVER: X12Party = { qualifier: 'ZZ', id: 'CAREPLATFORM' };

/** A functional group of claims of one kind. */
export interface Group837 {
  readonly kind: Claim837Kind;
  readonly claims: Iterable<Claim837Spec>;
}

/** The interchange text, a transaction set at a time. */
export function* interchange837(
  groups: readonly Group837[],
  options: Interchange837Options,
): Generator<string> {
  const separators = options.separators ?? DEFAULT_SEPARATORS;
  const write = (elements: ReadonlyArray<string | number | undefined>): string =>
    `${elements
      .map((value) => (value === undefined ? '' : String(value)))
      .join(separators.element)
      .replace(new RegExp(`\\${separators.element}+$`), '')}${separators.segment}${separators.lineBreak}`;
  const date = options.date ?? new Date(Date.UTC(2025, 2, 1, 12, 0));
  const yymmdd = date.toISOString().slice(2, 10).replace(/-/g, '');
  const ccyymmdd = date.toISOString().slice(0, 10).replace(/-/g, '');
  const hhmm = date.toISOString().slice(11, 16).replace(':', '');
  const sender = options.sender ?? TEST_SENDER;
  const receiver = options.receiver ?? TEST_RECEIVER;
  const control = String(options.controlNumber).padStart(9, '0');
  yield (
    [
      'ISA',
      '00',
      ' '.repeat(10),
      '00',
      ' '.repeat(10),
      sender.qualifier.padEnd(2),
      sender.id.padEnd(15),
      receiver.qualifier.padEnd(2),
      receiver.id.padEnd(15),
      yymmdd,
      hhmm,
      separators.repetition,
      '00501',
      control,
      '0',
      options.usage ?? 'T',
      separators.component,
    ].join(separators.element) +
    separators.segment +
    separators.lineBreak
  );
  let groupNumber = 0;
  for (const group of groups) {
    groupNumber += 1;
    const guide = CLAIM_837_GUIDES[group.kind];
    yield write(['GS', 'HC', sender.id, receiver.id, ccyymmdd, hhmm, groupNumber, 'X', guide]);
    let sets = 0;
    let batch: Claim837Spec[] = [];
    const perSet = options.claimsPerSet ?? 5000;
    const flush = function* (): Generator<string> {
      if (batch.length === 0) return;
      sets += 1;
      const setControl = String(sets).padStart(4, '0');
      const segments = transactionSet(group.kind, batch, setControl, ccyymmdd, hhmm, separators, write);
      yield segments.join('');
      batch = [];
    };
    for (const spec of group.claims) {
      batch.push(spec);
      if (batch.length >= perSet) yield* flush();
    }
    yield* flush();
    yield write(['GE', sets, groupNumber]);
  }
  yield write(['IEA', groups.length, control]);
}

/** The whole interchange as one string (tests of small files). */
export function interchange837Text(groups: readonly Group837[], options: Interchange837Options): string {
  return [...interchange837(groups, options)].join('');
}

const FIRST_NAMES = ['ALEX', 'SAM', 'ROBIN', 'JORDAN', 'CASEY', 'TAYLOR', 'MORGAN', 'JAMIE'];
const LAST_NAMES = [
  'RIVERSTONE',
  'OAKHILL',
  'BROOKMEAD',
  'FENWICK',
  'LARKSPUR',
  'HOLLOWAY',
  'ASHGROVE',
  'MILLBANK',
];

function pick<T>(list: readonly T[], key: string): T {
  let hash = 0;
  for (const character of key) hash = (hash * 31 + character.charCodeAt(0)) >>> 0;
  return list[hash % list.length];
}

const d8 = (date: string): string => date.replace(/-/g, '');

function transactionSet(
  kind: Claim837Kind,
  specs: readonly Claim837Spec[],
  setControl: string,
  ccyymmdd: string,
  hhmm: string,
  separators: X12Separators,
  write: (elements: ReadonlyArray<string | number | undefined>) => string,
): string[] {
  const c = (...parts: Array<string | number>): string => parts.map(String).join(separators.component);
  const out: string[] = [];
  out.push(write(['ST', '837', setControl, CLAIM_837_GUIDES[kind]]));
  out.push(write(['BHT', '0019', '00', `BATCH${setControl}`, ccyymmdd, hhmm, 'CH']));
  out.push(write(['NM1', '41', '2', 'NORTHWIND CLAIMS EXCHANGE', '', '', '', '', '46', 'NWCX0001']));
  out.push(write(['PER', 'IC', 'EDI SUPPORT', 'TE', '5555550100']));
  out.push(write(['NM1', '40', '2', 'CARE PLATFORM', '', '', '', '', '46', 'CAREPLATFORM']));
  let hl = 0;
  let billingKey: string | undefined;
  let billingHl = 0;
  let subscriberKey: string | undefined;
  let subscriberHl = 0;
  for (const spec of specs) {
    const { claim } = spec;
    const billing = claim.billingProvider;
    const thisBilling = `${billing.npi}|${billing.tin}|${billing.name ?? ''}`;
    if (thisBilling !== billingKey) {
      hl += 1;
      billingHl = hl;
      billingKey = thisBilling;
      subscriberKey = undefined;
      out.push(write(['HL', hl, '', '20', '1']));
      out.push(
        write(['NM1', '85', '2', billing.name ?? 'BILLING PROVIDER', '', '', '', '', 'XX', billing.npi]),
      );
      out.push(write(['N3', '100 COMMERCE WAY']));
      out.push(write(['N4', 'SPRINGFIELD', 'IL', '627010000']));
      out.push(write(['REF', 'EI', billing.tin]));
    }
    const subscriberId = spec.patient?.subscriberId ?? claim.memberId;
    if (subscriberId !== subscriberKey || spec.patient !== undefined) {
      hl += 1;
      subscriberHl = hl;
      subscriberKey = spec.patient === undefined ? subscriberId : undefined;
      out.push(write(['HL', hl, billingHl, '22', spec.patient === undefined ? '0' : '1']));
      out.push(
        write(
          kind === 'professional'
            ? ['SBR', 'P', spec.patient === undefined ? '18' : '', 'GRP01234', '', '', '', '', '', 'CI']
            : ['SBR', 'P', spec.patient === undefined ? '18' : '', 'GRP01234', '', '', '', '', '', 'CI'],
        ),
      );
      out.push(
        write([
          'NM1',
          'IL',
          '1',
          pick(LAST_NAMES, subscriberId),
          pick(FIRST_NAMES, subscriberId),
          '',
          '',
          '',
          'MI',
          subscriberId,
        ]),
      );
      out.push(write(['N3', '12 ELM ROW']));
      out.push(write(['N4', 'SPRINGFIELD', 'IL', '62702']));
      out.push(write(['DMG', 'D8', '19700101', 'U']));
      out.push(write(['NM1', 'PR', '2', 'EXAMPLE HEALTH PLAN', '', '', '', '', 'PI', 'EHP01']));
      if (spec.patient !== undefined) {
        const patient = spec.patient;
        hl += 1;
        out.push(write(['HL', hl, subscriberHl, '23', '0']));
        out.push(write(['PAT', patient.relationshipCode]));
        out.push(write(['NM1', 'QC', '1', patient.lastName, patient.firstName]));
        out.push(write(['N3', '12 ELM ROW']));
        out.push(write(['N4', 'SPRINGFIELD', 'IL', '62702']));
        out.push(write(['DMG', 'D8', d8(patient.birthDate), patient.sex]));
      }
    }
    out.push(...claimSegments(kind, spec, write, c));
  }
  const count = out.length + 1;
  out.push(write(['SE', count, setControl]));
  return out;
}

function claimSegments(
  kind: Claim837Kind,
  spec: Claim837Spec,
  write: (elements: ReadonlyArray<string | number | undefined>) => string,
  c: (...parts: Array<string | number>) => string,
): string[] {
  const { claim } = spec;
  const out: string[] = [];
  const frequencyCode = X12_CLAIM_FREQUENCY_CODES[claim.frequency];
  const submitterId = spec.submitterClaimId ?? claim.claimId;
  if (kind === 'professional') {
    out.push(
      write([
        'CLM',
        submitterId,
        claim.totalChargedAmount,
        '',
        '',
        c(claim.placeOfService ?? '11', 'B', frequencyCode),
        'Y',
        'A',
        'Y',
        'Y',
      ]),
    );
  } else {
    const facility = (claim.typeOfBill ?? '0131').slice(1, 3);
    out.push(
      write([
        'CLM',
        submitterId,
        claim.totalChargedAmount,
        '',
        '',
        c(facility, 'A', frequencyCode),
        '',
        'A',
        'Y',
        'Y',
      ]),
    );
    out.push(write(['DTP', '434', 'RD8', `${d8(claim.serviceDateFrom)}-${d8(claim.serviceDateTo)}`]));
    out.push(write(['CL1', '1', '7', '01']));
  }
  if (claim.frequency !== 'original') out.push(write(['REF', 'F8', claim.claimId]));
  const diagnoses = claim.diagnoses ?? [];
  const codes = diagnoses.map((diagnosis, index) =>
    c(index === 0 ? 'ABK' : 'ABF', diagnosis.code.replace('.', '')),
  );
  // 837P: one HI with up to 12 codes; 837I: the principal alone, other diagnoses in HI segments of up to 12.
  if (kind === 'professional') {
    for (let start = 0; start < codes.length; start += 12)
      out.push(write(['HI', ...codes.slice(start, start + 12)]));
  } else if (codes.length > 0) {
    out.push(write(['HI', codes[0]]));
    for (let start = 1; start < codes.length; start += 12)
      out.push(write(['HI', ...codes.slice(start, start + 12)]));
  }
  const rendering = claim.renderingProvider;
  if (rendering !== undefined) {
    const [first = '', ...rest] = (rendering.name ?? 'PROVIDER').split(' ');
    const last = rest.length === 0 ? first : rest.join(' ');
    const person = rest.length === 0 ? ['2', first, ''] : ['1', last, first];
    out.push(
      write(['NM1', kind === 'professional' ? '82' : '71', ...person, '', '', '', 'XX', rendering.npi]),
    );
  }
  for (const line of claim.lines ?? []) {
    out.push(write(['LX', line.lineNumber]));
    const procedure =
      line.procedureCode === undefined ? undefined : c('HC', line.procedureCode, ...(line.modifiers ?? []));
    if (kind === 'professional') {
      out.push(write(['SV1', procedure ?? '', line.chargedAmount, 'UN', line.units, '', '', '1']));
    } else {
      out.push(write(['SV2', line.revenueCode ?? '', procedure ?? '', line.chargedAmount, 'UN', line.units]));
    }
    if (line.serviceDate !== undefined) out.push(write(['DTP', '472', 'D8', d8(line.serviceDate)]));
    if (line.ndc !== undefined) {
      out.push(write(['LIN', '', 'N4', line.ndc.replace(/-/g, '')]));
      out.push(write(['CTP', '', '', '', line.drugQuantity ?? 1, c(line.drugUnit ?? 'UN')]));
    }
  }
  return out;
}
