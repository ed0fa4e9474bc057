import { ProgramEnrollmentChanged, type EnrollmentSource, type EnrollmentStatus } from '@care/contracts';
import type { EventFactory, OutgoingEvent } from '@care/messaging';
import type { EntityManager } from 'typeorm';
import { OUTREACH_BLOCKING_STATUSES } from '../../../members/case-member.repository';
import { lockMembers } from '../../../shared/lock-members.util';
import { cancelOutreachOf } from '../../../tasks/persistence/task.repository';
import { findEnrollment, saveEnrollment, type EnrollmentView } from '../../persistence/enrollment.repository';

/** A request to set a member's status in a program, from the API or a completed outreach task. */
export interface ChangeEnrollmentCommand {
  readonly memberId: string;
  readonly programId: string;
  readonly status: EnrollmentStatus;
  readonly source: EnrollmentSource;
  /** The coach or user who recorded it. */
  readonly actor: string;
}

/**
 * changed: stored and `program-enrollment-changed` staged (and, for an opt-out or decline of the care program, the
 * member's active outreach tasks cancelled); unchanged: the member already has this status, nothing emitted.
 */
export type ChangeEnrollmentOutcome =
  | {
      readonly status: 'changed';
      readonly enrollment: EnrollmentView;
      readonly events: OutgoingEvent[];
      readonly cancelledTaskIds: readonly string[];
    }
  | { readonly status: 'unchanged'; readonly enrollment: EnrollmentView };

const isBlocking = (status: EnrollmentStatus): boolean =>
  (OUTREACH_BLOCKING_STATUSES as readonly string[]).includes(status);

/**
 * Records a member's program status inside the caller's transaction, with the member locked so a task being
 * created for them waits and then sees the opt-out. The caller stages the events it returns.
 */
export class ChangeEnrollmentUseCase {
  constructor(
    private readonly events: EventFactory,
    private readonly careProgramId: string,
  ) {}

  async execute(manager: EntityManager, command: ChangeEnrollmentCommand, now: Date): Promise<ChangeEnrollmentOutcome> {
    await lockMembers(manager, [command.memberId]);
    const current = await findEnrollment(manager, command.memberId, command.programId);
    if (current?.status === command.status) return { status: 'unchanged', enrollment: current };
    const enrollment: EnrollmentView = {
      memberId: command.memberId,
      programId: command.programId,
      status: command.status,
      source: command.source,
      changedBy: command.actor,
      changedAt: now.toISOString(),
    };
    await saveEnrollment(manager, enrollment);
    const cancelledTaskIds =
      command.programId === this.careProgramId && isBlocking(command.status)
        ? await cancelOutreachOf(manager, [command.memberId], command.status === 'declined' ? 'declined' : 'opted-out', now)
        : [];
    const event = this.events.create(ProgramEnrollmentChanged.V1, {
      subject: command.memberId,
      occurredAt: now,
      data: {
        memberId: command.memberId,
        programId: command.programId,
        status: command.status,
        changedAt: enrollment.changedAt,
        source: command.source,
      },
    });
    return { status: 'changed', enrollment, events: [event], cancelledTaskIds };
  }
}
