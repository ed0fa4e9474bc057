import { Body, Controller, Get, Inject, Param, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access } from '@care/auth';
import {
  ADVOCACY_ELIGIBLE_RELATIONSHIPS,
  ADVOCACY_SERVICES,
  AUDIT_C_INSTRUMENT,
  BILL_NEGOTIATION_THRESHOLD,
  GAP_RULES,
  PHQ9_INSTRUMENT,
} from '@care/clinical';
import type { Request, Response } from 'express';
import type { UpstreamName } from '../console.config';
import { CONSOLE_ACCESS } from './console-access';
import { gapRuleSummaries, type GapRuleSummary } from './gap-closing';
import { memberIdParam } from './route-params.pipe';
import { Upstream, type UpstreamAnswer } from './upstream';
import { relay } from './work.controller';

/** The parts of the member view, each from the service that owns it. */
const SECTIONS: ReadonlyArray<readonly [string, UpstreamName, (memberId: string) => string]> = [
  ['member', 'claims-intake', (id) => `/v1/members/${id}`],
  ['conditions', 'condition-identification', (id) => `/v1/members/${id}/conditions`],
  ['gaps', 'care-gaps', (id) => `/v1/members/${id}/gaps`],
  ['screenings', 'behavioral-screening', (id) => `/v1/members/${id}/screenings`],
  ['surveyVisits', 'survey-trigger', (id) => `/v1/members/${id}/survey-visits`],
  ['cases', 'casework', (id) => `/v1/members/${id}/cases`],
  ['tasks', 'casework', (id) => `/v1/members/${id}/tasks`],
  ['enrollment', 'casework', (id) => `/v1/members/${id}/enrollment`],
  ['notes', 'casework', (id) => `/v1/members/${id}/notes`],
];

/** One part of the member view: the owning service's answer, or its status when it did not answer 200. */
export type MemberViewSection = { ok: true; data: unknown } | { ok: false; status: number; error: unknown };

export interface MemberView {
  readonly memberId: string;
  readonly sections: Readonly<Record<string, MemberViewSection>>;
}

const sectionOf = (answer: UpstreamAnswer): MemberViewSection =>
  answer.status === 200
    ? { ok: true, data: answer.body }
    : { ok: false, status: answer.status, error: answer.body };

/**
 * The member view: one request of the page, nine calls to the services that own the data, made at once with
 * the user's token (each service audits its own read under the user's name). A service that fails or refuses
 * leaves its part empty with its status; the rest of the page still shows.
 */
@ApiTags('members')
@Controller('api')
export class MemberViewController {
  constructor(@Inject(Upstream) private readonly upstream: Upstream) {}

  @Get('members/:memberId')
  @Access(CONSOLE_ACCESS.readMemberData)
  async memberView(
    @Param('memberId', memberIdParam) memberId: string,
    @Req() request: Request,
  ): Promise<MemberView> {
    const answers = await Promise.all(
      SECTIONS.map(([, service, path]) => this.upstream.call(request, service, 'GET', path(memberId))),
    );
    return {
      memberId,
      sections: Object.fromEntries(
        SECTIONS.map(([name], index) => [name, sectionOf(answers[index] ?? { status: 502, body: null })]),
      ),
    };
  }

  /**
   * Finding a member by who they say they are (last name, birth date, optionally the start of the first name):
   * claims-intake searches its roster, validates the terms (400 naming each bad one) and audits the search and
   * every member it shows under the user's name. Only those three terms are passed on.
   */
  @Get('members')
  @Access(CONSOLE_ACCESS.readMemberData)
  async findMembers(
    @Query() query: Record<string, unknown>,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    const terms = new URLSearchParams();
    for (const name of ['lastName', 'birthDate', 'firstName']) {
      const value = query[name];
      if (typeof value === 'string') terms.set(name, value);
    }
    return relay(
      response,
      await this.upstream.call(request, 'claims-intake', 'GET', `/v1/members?${terms.toString()}`),
    );
  }

  /** A screening administered in the console: behavioral-screening scores it and answers at once. */
  @Post('screenings')
  @Access(CONSOLE_ACCESS.screen)
  async screen(
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<unknown> {
    return relay(
      response,
      await this.upstream.call(request, 'behavioral-screening', 'POST', '/v1/screenings', body ?? {}),
    );
  }

  /** The instruments the console administers: items, answer options and score ranges (no member data). */
  @Get('instruments')
  @Access(CONSOLE_ACCESS.reference)
  instruments(): unknown {
    return { instruments: [PHQ9_INSTRUMENT, AUDIT_C_INSTRUMENT] };
  }

  /** The advocacy program's services, who may be helped and the bill-negotiation threshold (no member data). */
  @Get('advocacy/catalog')
  @Access(CONSOLE_ACCESS.reference)
  advocacyCatalog(): unknown {
    return {
      services: ADVOCACY_SERVICES,
      eligibleRelationships: ADVOCACY_ELIGIBLE_RELATIONSHIPS,
      billNegotiationThreshold: BILL_NEGOTIATION_THRESHOLD,
    };
  }

  /** The care-gap rules this console knows, by name, with what closes each (no member data). */
  @Get('reference/gap-rules')
  @Access(CONSOLE_ACCESS.reference)
  gapRules(): { rules: GapRuleSummary[] } {
    return { rules: gapRuleSummaries(GAP_RULES) };
  }
}
