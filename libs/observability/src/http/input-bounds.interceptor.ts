import { SetMetadata, type CallHandler, type ExecutionContext, type NestInterceptor } from '@nestjs/common';
import type { Reflector } from '@nestjs/core';
import { checkInputBounds, DEFAULT_INPUT_BOUNDS, type InputBounds } from '@care/contracts';
import type { Observable } from 'rxjs';
import { issuesException } from './validation-exception.factory';

const ITEM_BOUNDS_KEY = 'care:input-bounds-per-item';

/**
 * Marks a batch route whose body holds its items in `property`: the body around the items is held to the input
 * bounds here, each item by the handler (validateSubmission), so an item past a bound fails only itself.
 */
export const BoundsPerItem = (property: string): MethodDecorator => SetMetadata(ITEM_BOUNDS_KEY, property);

/**
 * Holds every request body to the input bounds before any pipe transforms or validates it (both recurse; their
 * work must stay linear and bounded): a body nested too deep, an array or string too long, a NUL character or a
 * `__proto__`/`constructor`/`prototype` key is a 400 naming the field, in the same shape as a validation failure, in
 * time independent of what lies beyond the bound. Runs as an interceptor, before the pipes, so that batch routes
 * (`@BoundsPerItem`) can leave their items' bounds to the per-item validation.
 */
export class InputBoundsInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly bounds: InputBounds = DEFAULT_INPUT_BOUNDS,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() === 'http') {
      const body: unknown = context.switchToHttp().getRequest<{ body?: unknown }>().body;
      const property = this.reflector.get<string | undefined>(ITEM_BOUNDS_KEY, context.getHandler());
      const issues = checkInputBounds(this.outsideItems(body, property), this.bounds);
      if (issues.length > 0) {
        throw issuesException('input exceeds the accepted bounds', issues);
      }
    }
    return next.handle();
  }

  /** The body with the batch's item array replaced by a stand-in of its length (the bound still applies). */
  private outsideItems(body: unknown, property: string | undefined): unknown {
    if (property === undefined || typeof body !== 'object' || body === null || Array.isArray(body))
      return body;
    const items = (body as Record<string, unknown>)[property];
    if (!Array.isArray(items)) return body;
    return { ...body, [property]: new Array<null>(items.length).fill(null) };
  }
}
