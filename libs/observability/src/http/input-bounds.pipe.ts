import { BadRequestException, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { checkInputBounds, DEFAULT_INPUT_BOUNDS, type InputBounds } from '@care/contracts';

/**
 * Holds every request body to the input bounds before the ValidationPipe transforms and validates it (both
 * recurse; their work must stay linear and bounded): a body nested too deep, an array or string too long, a NUL
 * character or a `__proto__`/`constructor`/`prototype` key is a 400 naming the field, in the same shape as a
 * validation failure, in time independent of what lies beyond the bound.
 */
export class InputBoundsPipe implements PipeTransform {
  constructor(private readonly bounds: InputBounds = DEFAULT_INPUT_BOUNDS) {}

  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type !== 'body') return value;
    const issues = checkInputBounds(value, this.bounds);
    if (issues.length > 0) {
      throw new BadRequestException({
        statusCode: 400,
        error: 'Bad Request',
        message: 'input exceeds the accepted bounds',
        issues,
      });
    }
    return value;
  }
}
