import type { DayFormatter } from './calendar-date.util';
import type { ClaimDraft } from './claim-draft.types';
import type {
  AdjudicationStatus,
  ClaimFrequency,
  ClaimLinePlain,
  ClaimSubmissionPlain,
} from './population.types';

/** One version of a claim id in stream order. */
interface ClaimVersionEvent {
  readonly draft: ClaimDraft;
  readonly claimId: string;
  readonly version: number;
  readonly frequency: ClaimFrequency;
  readonly status: AdjudicationStatus;
  readonly paidRatio: number;
  readonly arrivalDay: number;
  readonly order: number;
}

/** Claim id format: `C<seed>-<household>-<n>`, n counting the household's claims by service date. */
export function claimIdOf(seed: number, householdIndex: number, n: number): string {
  return `C${seed}-${householdIndex}-${n}`;
}

/**
 * Turns a household's drafts into claim submissions in arrival order: originals by service end date,
 * replacements and voids on the day they arrive (always after the version they follow).
 */
export function renderHouseholdClaims(
  seed: number,
  householdIndex: number,
  drafts: readonly ClaimDraft[],
  days: DayFormatter,
): ClaimSubmissionPlain[] {
  const originals = [...drafts].sort((a, b) => a.toDay - b.toDay || a.sequence - b.sequence);
  const events: ClaimVersionEvent[] = [];
  originals.forEach((draft, index) => {
    const claimId = claimIdOf(seed, householdIndex, index + 1);
    events.push({
      draft,
      claimId,
      version: 1,
      frequency: 'original',
      status: draft.status,
      paidRatio: draft.paidRatio,
      arrivalDay: draft.toDay,
      order: index,
    });
    draft.adjustments.forEach((adjustment, n) => {
      events.push({
        draft,
        claimId,
        version: n + 2,
        frequency: adjustment.frequency,
        status: adjustment.status,
        paidRatio: adjustment.paidRatio,
        arrivalDay: adjustment.arrivalDay,
        order: index,
      });
    });
  });
  events.sort((a, b) => a.arrivalDay - b.arrivalDay || a.order - b.order || a.version - b.version);
  return events.map((event) => renderVersion(event, days));
}

function paidCents(chargedCents: number, status: AdjudicationStatus, paidRatio: number): number {
  return status === 'paid' ? Math.round(chargedCents * paidRatio) : 0;
}

function renderVersion(event: ClaimVersionEvent, days: DayFormatter): ClaimSubmissionPlain {
  const { draft, status, paidRatio } = event;
  const pending = status === 'pending';
  // Keys are inserted in the contract's field order so serialized claims read naturally.
  const claim: Partial<ClaimSubmissionPlain> = {
    claimId: event.claimId,
    version: event.version,
    frequency: event.frequency,
    claimType: draft.claimType,
    adjudicationStatus: status,
    memberId: draft.member.record.memberId,
    billingProvider: { npi: draft.billing.npi, tin: draft.billing.tin, name: draft.billing.name },
  };
  if (draft.rendering !== undefined) {
    claim.renderingProvider = {
      npi: draft.rendering.clinician.npi,
      tin: draft.rendering.practice.tin,
      name: draft.rendering.clinician.name,
    };
  }
  claim.serviceDateFrom = days.format(draft.fromDay);
  claim.serviceDateTo = days.format(draft.toDay);
  if (draft.placeOfService !== undefined) claim.placeOfService = draft.placeOfService;
  if (draft.typeOfBill !== undefined) claim.typeOfBill = draft.typeOfBill;
  claim.diagnoses = draft.diagnoses.map((code) => ({ code }));
  let chargedTotal = 0;
  let paidTotal = 0;
  if (draft.drug !== undefined) {
    const { drug } = draft;
    claim.drug = {
      ndc: drug.product.ndc,
      daysSupply: drug.daysSupply,
      quantity: drug.quantity,
      fillDate: claim.serviceDateFrom,
      prescriberNpi: drug.prescriberNpi,
      refillNumber: drug.refillNumber,
    };
    chargedTotal = drug.chargedCents;
    paidTotal = paidCents(drug.chargedCents, status, paidRatio);
  } else {
    const lines: ClaimLinePlain[] = [];
    draft.lines.forEach((draftLine, index) => {
      const line: Partial<ClaimLinePlain> = { lineNumber: index + 1 };
      if (draftLine.procedureCode !== undefined) line.procedureCode = draftLine.procedureCode;
      if (draftLine.modifiers !== undefined) line.modifiers = [...draftLine.modifiers];
      if (draftLine.revenueCode !== undefined) line.revenueCode = draftLine.revenueCode;
      if (draftLine.day !== undefined) line.serviceDate = days.format(draftLine.day);
      line.units = draftLine.units;
      line.chargedAmount = draftLine.chargedCents / 100;
      const paid = paidCents(draftLine.chargedCents, status, paidRatio);
      if (!pending) line.paidAmount = paid / 100;
      if (draftLine.labResult !== undefined) line.labResult = { ...draftLine.labResult };
      chargedTotal += draftLine.chargedCents;
      paidTotal += paid;
      lines.push(line as ClaimLinePlain);
    });
    claim.lines = lines;
  }
  claim.totalChargedAmount = chargedTotal / 100;
  if (!pending) claim.totalPaidAmount = paidTotal / 100;
  return claim as ClaimSubmissionPlain;
}
