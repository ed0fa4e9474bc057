import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { visitsOfMember } from '../persistence/visit.repository';
import type { VisitStatus } from '../visit.types';

/** One visit of a member with its decision, as ops and the API show it (ids, codes and dates only). */
export interface SurveyVisitView {
  readonly visitId: string;
  /** The survey id when the visit was surveyed. */
  readonly surveyId: string | null;
  readonly serviceDate: string;
  readonly kind: string;
  readonly procedureCode: string;
  readonly codeFamily: string;
  readonly telehealth: boolean;
  readonly provider: {
    readonly npi: string;
    readonly tin: string;
    readonly name: string | null;
    readonly practiceName: string | null;
  };
  readonly status: VisitStatus;
  /** Why excluded (every reason that applied) or why cancelled. */
  readonly reasons: readonly string[];
  readonly decision: {
    readonly decidedOn: string | null;
    readonly decidedAt: string | null;
    readonly draw: number;
    readonly samplingRate: number | null;
    readonly seedFingerprint: string;
    readonly ruleVersion: string | null;
    readonly codeSetVersion: string;
    readonly channel: string | null;
    readonly language: string | null;
  };
  /** Every claim that described the visit, with its latest version seen. */
  readonly claims: ReadonlyArray<{
    readonly claimId: string;
    readonly version: number;
    readonly describesVisit: boolean;
  }>;
  readonly firstClaim: { readonly claimId: string; readonly version: number; readonly receivedAt: string };
}

/** Reads one member's visits and why each was or was not surveyed: no write, no event. */
@Injectable()
export class MemberSurveyVisitsQuery {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async forMember(
    memberId: string,
  ): Promise<{ memberId: string; memberKnown: boolean; visits: SurveyVisitView[] }> {
    const manager = this.dataSource.manager;
    const visits = await visitsOfMember(manager, memberId);
    const [known] = await manager.query<Array<{ known: boolean }>>(
      'SELECT EXISTS (SELECT 1 FROM members WHERE member_id = $1) AS known',
      [memberId],
    );
    const claims = await manager.query<
      Array<{ visit_id: string; claim_id: string; version: number; describes_visit: boolean }>
    >(
      `SELECT visit_id, claim_id, version, describes_visit FROM visit_claims
        WHERE visit_id = ANY($1::uuid[]) ORDER BY claim_id`,
      [visits.map((visit) => visit.visitId)],
    );
    return {
      memberId,
      memberKnown: known?.known ?? false,
      visits: visits.map((visit) => ({
        visitId: visit.visitId,
        surveyId: visit.status === 'surveyed' ? visit.visitId : null,
        serviceDate: visit.serviceDate,
        kind: visit.kind,
        procedureCode: visit.procedureCode,
        codeFamily: visit.codeFamily,
        telehealth: visit.telehealth,
        provider: {
          npi: visit.providerNpi,
          tin: visit.providerTin,
          name: visit.providerName,
          practiceName: visit.practiceName,
        },
        status: visit.status,
        reasons: visit.reasons,
        decision: {
          decidedOn: visit.decidedOn,
          decidedAt: visit.decidedAt,
          draw: visit.draw,
          samplingRate: visit.samplingRate,
          seedFingerprint: visit.seedFingerprint,
          ruleVersion: visit.ruleVersion,
          codeSetVersion: visit.codeSetVersion,
          channel: visit.channel,
          language: visit.language,
        },
        claims: claims
          .filter((claim) => claim.visit_id === visit.visitId)
          .map((claim) => ({
            claimId: claim.claim_id,
            version: claim.version,
            describesVisit: claim.describes_visit,
          })),
        firstClaim: {
          claimId: visit.claimId,
          version: visit.claimVersion,
          receivedAt: visit.claimReceivedAt,
        },
      })),
    };
  }
}
