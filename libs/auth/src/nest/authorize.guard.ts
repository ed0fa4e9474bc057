import {
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Caller } from '../caller';
import type { Role } from '../roles';
import { TokenVerificationError, tokenVerificationMessage } from '../verifier/token-verification.error';
import { TokenVerifier } from '../verifier/token-verifier';
import {
  BEARER_CHALLENGE,
  INVALID_TOKEN_CHALLENGE,
  issuerUnavailableBody,
  roleForbiddenBody,
  tokenInvalidBody,
  tokenMissingBody,
} from './auth-error-body';
import { readBearerCredentials } from './bearer-token';
import { attachCaller, callerOf } from './caller-request';

/** Metadata key of the roles `@Authorize(...roles)` allows; the handler's value overrides the controller's. */
export const AUTHORIZED_ROLES = 'care:authorized-roles';

interface HttpRequest {
  readonly headers: { readonly authorization?: string };
}
interface HttpResponse {
  setHeader(name: string, value: string): unknown;
}

/**
 * The guard behind `@Authorize()`: authenticates the bearer token with {@link TokenVerifier} (401 when missing
 * or rejected, 503 when the identity provider cannot be reached), records the caller on the request, then
 * checks that the caller has one of the allowed roles (403). No roles allowed means any authenticated caller.
 * Idempotent: applied on both a controller and its handler, the token is verified once.
 */
@Injectable()
export class AuthorizeGuard implements CanActivate {
  private readonly logger = new Logger('Authorize');

  constructor(
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
    @Inject(Reflector) private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') throw new Error('@Authorize() supports HTTP handlers only');
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const response = context.switchToHttp().getResponse<HttpResponse>();
    const caller = callerOf(request) ?? (await this.authenticate(request, response));
    const allowed =
      this.reflector.getAllAndOverride<readonly Role[] | undefined>(AUTHORIZED_ROLES, [
        context.getHandler(),
        context.getClass(),
      ]) ?? [];
    if (allowed.length > 0 && !caller.roles.some((role) => allowed.includes(role))) {
      throw new ForbiddenException(roleForbiddenBody(allowed));
    }
    return true;
  }

  private async authenticate(request: HttpRequest, response: HttpResponse): Promise<Caller> {
    const credentials = readBearerCredentials(request.headers.authorization);
    switch (credentials.kind) {
      case 'absent':
        response.setHeader('WWW-Authenticate', BEARER_CHALLENGE);
        throw new UnauthorizedException(tokenMissingBody());
      case 'malformed':
        response.setHeader('WWW-Authenticate', INVALID_TOKEN_CHALLENGE);
        throw new UnauthorizedException(tokenInvalidBody(tokenVerificationMessage('malformed')));
      case 'token':
        break;
    }
    try {
      const caller = await this.verifier.verify(credentials.token);
      attachCaller(request, caller);
      return caller;
    } catch (error) {
      if (!(error instanceof TokenVerificationError)) throw error;
      if (!error.isTokenRejected) {
        // The detail names the URL that failed, never the token.
        this.logger.warn(`bearer token not checked: ${error.message}`);
        response.setHeader('Retry-After', '5');
        throw new ServiceUnavailableException(issuerUnavailableBody());
      }
      this.logger.debug(`bearer token rejected: ${error.code}`);
      response.setHeader('WWW-Authenticate', INVALID_TOKEN_CHALLENGE);
      throw new UnauthorizedException(tokenInvalidBody(error.message));
    }
  }
}
