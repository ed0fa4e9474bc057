import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { Caller } from '../caller';
import { callerOf } from './caller-request';

/**
 * The verified {@link Caller} of the request, as a handler parameter: `find(@CurrentCaller() caller: Caller)`.
 * The handler must carry `@Access()`; without it this fails loudly (500), never silently.
 */
export const CurrentCaller = createParamDecorator((_data: unknown, context: ExecutionContext): Caller => {
  const caller = callerOf(context.switchToHttp().getRequest<object>());
  if (caller === undefined) throw new Error('@CurrentCaller() needs @Access() on the handler');
  return caller;
});
