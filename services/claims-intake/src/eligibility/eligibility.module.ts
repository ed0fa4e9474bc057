import { Module } from '@nestjs/common';
import { MemberRecordQuery } from './member-record.query';
import { MemberSearchQuery } from './member-search.query';
import { MemberRosterService } from './member-roster.service';
import { MembersController } from './members.controller';
import { MemberX12FilesController } from './member-x12-files.controller';
import { X12MemberIntakeService } from './x12-member-intake.service';

/** The member roster: demographics, family, contact preferences, PCP, plan and opt-outs; as JSON or X12 834. */
@Module({
  controllers: [MembersController, MemberX12FilesController],
  providers: [MemberRosterService, MemberRecordQuery, MemberSearchQuery, X12MemberIntakeService],
})
export class EligibilityModule {}
