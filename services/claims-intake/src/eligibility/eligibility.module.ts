import { Module } from '@nestjs/common';
import { MemberRosterService } from './member-roster.service';
import { MembersController } from './members.controller';

/** The member roster: demographics, family, contact preferences, PCP, plan and opt-outs. */
@Module({ controllers: [MembersController], providers: [MemberRosterService] })
export class EligibilityModule {}
