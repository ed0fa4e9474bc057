import type { Caller } from '../caller';

// Keyed by the request object itself: nothing is added to the request's own properties, so nothing else
// (a body serializer, a logger) can pick the caller up by accident.
const CALLERS = new WeakMap<object, Caller>();

/** Records the verified caller of `request` (done by the authorization guard). */
export function attachCaller(request: object, caller: Caller): void {
  CALLERS.set(request, caller);
}

/** The verified caller of `request`, or undefined when no authorization guard ran for it. */
export function callerOf(request: object): Caller | undefined {
  return CALLERS.get(request);
}
