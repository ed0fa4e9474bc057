import type { Caller } from '../caller';

/** A verified caller turned away from a member-data route (no role, or no scope): written to the audit trail. */
export interface AccessRefusal {
  readonly caller: Caller;
  /** `GET /v1/members/:memberId/gaps`: the method and the route's pattern, never the filled-in path. */
  readonly route: string;
  /** The route's path parameters (`memberId`, `npi`, ...), as requested. */
  readonly params: Readonly<Record<string, string>>;
  /** The request's `x-purpose-of-use` header, when sent. */
  readonly purposeHeader: string | undefined;
  readonly code: 'role-forbidden' | 'scope-missing';
}

/** Where the access guard reports refusals; `@care/audit` provides it. Without one, refusals are only logged. */
export interface AccessRefusalRecorder {
  recordRefusal(refusal: AccessRefusal): Promise<void>;
}

/** Injection token of the {@link AccessRefusalRecorder}. */
export const ACCESS_REFUSAL_RECORDER = Symbol('care:access-refusal-recorder');
