import { BadRequestException, Injectable, type PipeTransform } from '@nestjs/common';
import { ALL_TOPICS, DEAD_LETTER_SUFFIX } from '@care/contracts';

const CATALOG_TOPICS: ReadonlySet<string> = new Set(ALL_TOPICS.map((topic) => topic.name));

const invalid = (field: string, message: string): BadRequestException =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: 'validation failed',
    issues: [{ field, messages: [message] }],
  });

/**
 * A topic whose dead letters are asked for: a catalog topic (`claims-inbound`) or its dead-letter topic
 * (`claims-inbound.dlq`), answered as the catalog topic. Nothing else: the ops pages read dead-letter topics only.
 */
@Injectable()
export class ParseDeadLetterSourcePipe implements PipeTransform<string, string> {
  transform(value: string): string {
    const source = value.endsWith(DEAD_LETTER_SUFFIX) ? value.slice(0, -DEAD_LETTER_SUFFIX.length) : value;
    if (CATALOG_TOPICS.has(source)) return source;
    throw invalid('topic', 'topic must be a catalog topic or its dead-letter topic');
  }
}

/** A partition number in a route: 0-10000. */
@Injectable()
export class ParsePartitionPipe implements PipeTransform<string, number> {
  transform(value: string): number {
    if (/^\d{1,5}$/.test(value) && Number(value) <= 10_000) return Number(value);
    throw invalid('partition', 'partition must be a whole number from 0 to 10000');
  }
}

/** An offset in a route: decimal digits (a Kafka offset is a 64-bit integer, kept as a string). */
@Injectable()
export class ParseOffsetPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (/^\d{1,19}$/.test(value)) return value;
    throw invalid('offset', 'offset must be 1-19 decimal digits');
  }
}
