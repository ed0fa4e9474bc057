import { Inject, Injectable } from '@nestjs/common';
import type { ClaimSubmission } from '@care/contracts';
import { MessagingRuntime, stageEvents } from '@care/messaging';
import { DataSource } from 'typeorm';
import { ClaimIntakeService } from '../../../intake/claim-intake.service';
import type { ClaimIntakeOutcome } from '../../../intake/use-cases/intake-claims/intake-claims.use-case';
import type { PatientToMatch } from '../claims-837/claim-837.mapper';
import type { Claims837Intake } from '../claims-837/import-claims-837';
import { assignReplacementVersions } from './assign-replacement-versions';
import { matchPatients, type PatientMatch } from './match-patients';
import { X12InterchangeRepository } from './x12-interchange.repository';

/**
 * Claims from X12 files into intake: the same use case as HTTP and CSV (channel `file`), in one transaction with the
 * version assignment of replacements and voids; patients of loop 2000C found on the roster.
 */
@Injectable()
export class X12ClaimIntakeService implements Claims837Intake {
  readonly interchanges: X12InterchangeRepository;

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(MessagingRuntime) private readonly messaging: MessagingRuntime,
    @Inject(ClaimIntakeService) private readonly intake: ClaimIntakeService,
  ) {
    this.interchanges = new X12InterchangeRepository(dataSource);
  }

  async submit(claims: readonly ClaimSubmission[]): Promise<ClaimIntakeOutcome[]> {
    if (claims.length === 0) return [];
    const { outcomes, events } = await this.dataSource.transaction(async (manager) => {
      const versioned = await assignReplacementVersions(manager, claims);
      const result = await this.intake.intakeClaims.execute(manager, versioned, 'file');
      await stageEvents(manager, result.events);
      return result;
    });
    if (events.length > 0) this.messaging.published();
    this.intake.intakeMetrics.count('file', outcomes);
    return outcomes;
  }

  matchPatients(patients: readonly PatientToMatch[]): Promise<PatientMatch[]> {
    return matchPatients(this.dataSource.manager, patients);
  }
}
