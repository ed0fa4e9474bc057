import {
  BadRequestException,
  Body,
  Controller,
  Get,
  Header,
  HttpCode,
  Inject,
  Param,
  Post,
} from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Access, ACCESS, CurrentCaller, type Caller } from '@care/auth';
import type { DeadLetterDetail, DeadLetterRecord, ReplayReport } from '@care/messaging';
import { OpsDeadLetters } from './ops-dead-letters';
import { ReplayDeadLettersDto, RevealDeadLetterDto } from './ops.dto';
import { ParseDeadLetterSourcePipe, ParseOffsetPipe, ParsePartitionPipe } from './ops-route-params.pipe';
import { OpsSampler } from './ops-sampler';
import { lagView, topicsView, type LagView, type TopicsView } from './ops-views';

/** Replays go this fast unless asked otherwise (care-ops' default). */
const DEFAULT_REPLAY_RATE = 100;

/**
 * The ops pages' API: what `care-ops` does, through the same libs/messaging functions, for the `ops` and `admin`
 * roles with the `operations` scope (ACCESS.operate). Topic and lag figures come from the console's sampler;
 * dead-letter payloads are masked unless revealed with a reason, and a reveal is audited under the signed-in user.
 */
@ApiTags('ops')
@Controller('api/ops')
export class OpsController {
  constructor(
    @Inject(OpsSampler) private readonly sampler: OpsSampler,
    @Inject(OpsDeadLetters) private readonly deadLetters: OpsDeadLetters,
  ) {}

  @Get('topics')
  @Access(ACCESS.operate)
  async topics(): Promise<TopicsView> {
    const sample = await this.sampler.latest();
    return topicsView(sample, this.sampler.points(), this.sampler.settings.intervalMs);
  }

  @Get('lag')
  @Access(ACCESS.operate)
  async lag(): Promise<LagView> {
    const sample = await this.sampler.latest();
    return lagView(sample, this.sampler.points(), this.sampler.settings.intervalMs);
  }

  @Get('dead-letters/:topic')
  @Access(ACCESS.operate)
  async list(
    @Param('topic', ParseDeadLetterSourcePipe) topic: string,
  ): Promise<{ topic: string; deadLetters: DeadLetterRecord[] }> {
    return { topic, deadLetters: await this.deadLetters.list(topic) };
  }

  @Get('dead-letters/:topic/:partition/:offset')
  @Access(ACCESS.operate)
  @Header('cache-control', 'no-store')
  show(
    @Param('topic', ParseDeadLetterSourcePipe) topic: string,
    @Param('partition', ParsePartitionPipe) partition: number,
    @Param('offset', ParseOffsetPipe) offset: string,
  ): Promise<DeadLetterDetail> {
    return this.deadLetters.show(topic, partition, offset);
  }

  @Post('dead-letters/:topic/:partition/:offset/reveal')
  @HttpCode(200)
  @Access(ACCESS.operate)
  @Header('cache-control', 'no-store')
  reveal(
    @Param('topic', ParseDeadLetterSourcePipe) topic: string,
    @Param('partition', ParsePartitionPipe) partition: number,
    @Param('offset', ParseOffsetPipe) offset: string,
    @Body() body: RevealDeadLetterDto,
    @CurrentCaller() caller: Caller,
  ): Promise<DeadLetterDetail> {
    return this.deadLetters.reveal(topic, partition, offset, {
      operator: caller.subject,
      reason: body.reason.trim(),
    });
  }

  @Post('dead-letters/:topic/replay')
  @HttpCode(200)
  @Access(ACCESS.operate)
  replay(
    @Param('topic', ParseDeadLetterSourcePipe) topic: string,
    @Body() body: ReplayDeadLettersDto,
    @CurrentCaller() caller: Caller,
  ): Promise<ReplayReport> {
    if ((body.all === true) === (body.positions !== undefined)) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'validation failed',
        issues: [{ field: 'all', messages: ['give exactly one of all: true and positions'] }],
      });
    }
    return this.deadLetters.replay(topic, {
      select: body.positions ?? 'all',
      ratePerSecond: body.ratePerSecond ?? DEFAULT_REPLAY_RATE,
      dryRun: body.dryRun ?? false,
      operator: caller.subject,
    });
  }
}
