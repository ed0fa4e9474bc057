import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  CASEWORK_ID_MESSAGE,
  CASEWORK_ID_PATTERN,
  IsIsoInstant,
  OptionalField,
} from '@care/contracts';
import { IsIn, IsString, IsUUID, Length, Matches } from 'class-validator';
import { TASK_OUTCOMES, type TaskOutcome } from '../task.model';

/** Body of `POST /v1/tasks/{id}/reassign`. */
export class ReassignTaskRequest {
  @ApiProperty({ description: 'User id of the coach who takes the task', example: 'coach-ana' })
  @Matches(CASEWORK_ID_PATTERN, { message: CASEWORK_ID_MESSAGE })
  assignee!: string;
}

/** Body of `POST /v1/tasks/{id}/snooze`. */
export class SnoozeTaskRequest {
  @ApiProperty({ description: 'Why (free text, kept on the task, never logged)', example: 'Member asked for a call after 5 pm' })
  @IsString()
  @Length(1, 500)
  reason!: string;

  @ApiProperty({ description: 'When the task returns to its queue (ISO-8601 instant, within 30 days)', example: '2026-11-24T22:00:00Z' })
  @IsIsoInstant()
  until!: string;
}

/** Body of `POST /v1/tasks/{id}/complete`. */
export class CompleteTaskRequest {
  @ApiProperty({
    enum: TASK_OUTCOMES,
    description: 'enrolled and declined also record the member\'s status in the care program (source outreach)',
  })
  @IsIn(TASK_OUTCOMES)
  outcome!: TaskOutcome;
}

/** Body of `POST /v1/tasks/{id}/notes`. */
export class AddNoteRequest {
  @ApiProperty({ description: 'The note (free text, PHI: stored, never logged); notes cannot be edited or deleted', example: 'Left a voicemail.' })
  @IsString()
  @Length(1, 4000)
  text!: string;

  @ApiPropertyOptional({ description: 'Chosen by the client (UUID) so a retried request stores the note once' })
  @OptionalField()
  @IsUUID()
  noteId?: string;
}
