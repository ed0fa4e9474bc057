import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { QUEUES, type QueueName } from '../task.model';

const invalid = (field: string, message: string): BadRequestException =>
  new BadRequestException({ statusCode: 400, error: 'Bad Request', message: 'validation failed', issues: [{ field, messages: [message] }] });

/** `:taskId` must be a UUID (400 in the body-validation shape otherwise). */
@Injectable()
export class ParseTaskIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (isUUID(value)) return value;
    throw invalid('taskId', 'taskId must be a UUID');
  }
}

/** `:queue` must name a queue. */
@Injectable()
export class ParseQueuePipe implements PipeTransform<string, QueueName> {
  transform(value: string): QueueName {
    const queue = QUEUES.find((name) => name === value);
    if (queue !== undefined) return queue;
    throw invalid('queue', `queue must be one of ${QUEUES.join(', ')}`);
  }
}
