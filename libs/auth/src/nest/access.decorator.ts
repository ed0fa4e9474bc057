import { applyDecorators, SetMetadata } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtension,
  ApiForbiddenResponse,
  ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Role } from '../roles';
import type { Scope } from '../scopes';
import { issuerUnavailableBody, roleForbiddenBody, tokenMissingBody } from './auth-error-body';

/** Who may call a route: one of `roles`, with a token granted `scope`. */
export interface AccessPolicy {
  readonly roles: readonly Role[];
  readonly scope: Scope;
  /**
   * The route reads member-level data (conditions, gaps, screenings, survey visits, cases, tasks, claims): the
   * handler audits every read, and a refused caller (a verified token without the role or scope) is audited too.
   */
  readonly memberData: boolean;
}

/** Why a route needs no token, e.g. `liveness probe`. Written in the access matrix. */
export interface PublicRoute {
  readonly reason: string;
}

/** Metadata key of a handler's {@link AccessPolicy}. */
export const ACCESS_POLICY = 'care:access-policy';
/** Metadata key of a handler's (or controller's) {@link PublicRoute}. */
export const PUBLIC_ROUTE = 'care:public-route';
/** The OpenAPI extension that carries a route's policy, read by the access-matrix test and the docs. */
export const ACCESS_EXTENSION = 'x-care-access';

/**
 * The access policy of one route handler. Every route of every service declares one (or {@link Public}): the
 * global guard of `AuthModule` denies a route without one, and a service with such a route refuses to start.
 * The caller needs a valid bearer token (401 otherwise), one of the roles (403 `role-forbidden`) and the scope
 * (403 `scope-missing`). Documented in OpenAPI, with the policy as `x-care-access`.
 */
export function Access(policy: AccessPolicy): MethodDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_POLICY, policy),
    ApiExtension(ACCESS_EXTENSION, {
      roles: [...policy.roles],
      scope: policy.scope,
      memberData: policy.memberData,
    }),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      description:
        '`token-missing`: no bearer token. `token-invalid`: the token was rejected (expired, another issuer or ' +
        'audience, a signature that does not verify); the message says which check failed.',
      example: tokenMissingBody(),
    }),
    ApiForbiddenResponse({
      description: `\`role-forbidden\`: the caller has none of the roles ${policy.roles.join(', ')}. \`scope-missing\`: the token was not granted the scope ${policy.scope}.`,
      example: roleForbiddenBody(policy.roles),
    }),
    ApiServiceUnavailableResponse({
      description: 'The identity provider could not be reached to check the token; retry later.',
      example: issuerUnavailableBody(),
    }),
  );
}

/**
 * A route reachable without a token (health probes, metrics). Say why: the reason is shown in the access matrix.
 * On a controller it covers every handler.
 */
export function Public(reason: string): ClassDecorator & MethodDecorator {
  return applyDecorators(
    SetMetadata(PUBLIC_ROUTE, { reason } satisfies PublicRoute),
    ApiExtension(ACCESS_EXTENSION, { public: reason }),
  );
}
