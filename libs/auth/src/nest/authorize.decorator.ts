import { applyDecorators, SetMetadata, UseGuards } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiServiceUnavailableResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import type { Role } from '../roles';
import { issuerUnavailableBody, roleForbiddenBody, tokenMissingBody } from './auth-error-body';
import { AUTHORIZED_ROLES, AuthorizeGuard } from './authorize.guard';

/**
 * Requires a valid bearer token (401 `token-missing` / `token-invalid` with a `WWW-Authenticate` challenge) and,
 * when roles are given, a caller holding at least one of them (403 `role-forbidden`). On a controller it applies
 * to every handler; on a handler its roles replace the controller's. `@Authorize()` without roles admits any
 * authenticated caller. Needs `AuthModule.forRoot()` in the application; documents the bearer scheme in OpenAPI.
 */
export function Authorize(...roles: Role[]): ClassDecorator & MethodDecorator {
  const documentation = [
    ApiBearerAuth(),
    ApiUnauthorizedResponse({
      description:
        '`token-missing`: no bearer token. `token-invalid`: the token was rejected (expired, another issuer or ' +
        'audience, a signature that does not verify); the message says which check failed.',
      example: tokenMissingBody(),
    }),
    ApiServiceUnavailableResponse({
      description: 'The identity provider could not be reached to check the token; retry later.',
      example: issuerUnavailableBody(),
    }),
  ];
  if (roles.length > 0) {
    documentation.push(
      ApiForbiddenResponse({
        description: `The caller has none of the roles: ${roles.join(', ')}.`,
        example: roleForbiddenBody(roles),
      }),
    );
  }
  return applyDecorators(SetMetadata(AUTHORIZED_ROLES, roles), UseGuards(AuthorizeGuard), ...documentation);
}
