import {
  ForbiddenException,
  Inject,
  Injectable,
  Logger,
  Optional,
  ServiceUnavailableException,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Caller } from '../caller';
import { TokenVerificationError, tokenVerificationMessage } from '../verifier/token-verification.error';
import { TokenVerifier } from '../verifier/token-verifier';
import { ACCESS_POLICY, PUBLIC_ROUTE, type AccessPolicy, type PublicRoute } from './access.decorator';
import { ACCESS_REFUSAL_RECORDER, type AccessRefusal, type AccessRefusalRecorder } from './access-refusals';
import {
  BEARER_CHALLENGE,
  insufficientScopeChallenge,
  INVALID_TOKEN_CHALLENGE,
  issuerUnavailableBody,
  noAccessPolicyBody,
  roleForbiddenBody,
  scopeMissingBody,
  tokenInvalidBody,
  tokenMissingBody,
} from './auth-error-body';
import { readBearerCredentials } from './bearer-token';
import { attachCaller, callerOf } from './caller-request';

interface HttpRequest {
  readonly method: string;
  readonly headers: {
    readonly authorization?: string;
    readonly [name: string]: string | string[] | undefined;
  };
  readonly params?: Record<string, string>;
  readonly route?: { readonly path?: unknown };
}
interface HttpResponse {
  setHeader(name: string, value: string): unknown;
}

/** The header that says why member data is read (the audit trail's purpose of use). */
export const PURPOSE_HEADER = 'x-purpose-of-use';

/**
 * The global guard of every service (deny by default): a route is reachable only when it declares `@Public()` or
 * an `@Access()` policy; a route without either is refused (403 `no-access-policy`, and the service refuses to
 * start with one, see {@link AccessPolicyCheck}). For a policy it authenticates the bearer token (401 when
 * missing or rejected, 503 when the identity provider cannot be reached), records the caller on the request,
 * then requires one of the roles (403 `role-forbidden`) and the scope (403 `scope-missing`). A verified caller
 * refused on a member-data route is reported to the audit trail.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger('Access');

  constructor(
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
    @Inject(Reflector) private readonly reflector: Reflector,
    @Optional() @Inject(ACCESS_REFUSAL_RECORDER) private readonly refusals?: AccessRefusalRecorder,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') throw new Error('the access guard supports HTTP handlers only');
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<PublicRoute | undefined>(PUBLIC_ROUTE, targets) !== undefined)
      return true;
    const policy = this.reflector.get<AccessPolicy | undefined>(ACCESS_POLICY, context.getHandler());
    if (policy === undefined) {
      this.logger.error(
        `${context.getClass().name}.${context.getHandler().name} declares no access policy: refused`,
      );
      throw new ForbiddenException(noAccessPolicyBody());
    }
    const request = context.switchToHttp().getRequest<HttpRequest>();
    const response = context.switchToHttp().getResponse<HttpResponse>();
    const caller = callerOf(request) ?? (await this.authenticate(request, response));
    if (!caller.roles.some((role) => policy.roles.includes(role))) {
      await this.refuse(policy, request, caller, 'role-forbidden');
      throw new ForbiddenException(roleForbiddenBody(policy.roles));
    }
    if (!caller.scopes.includes(policy.scope)) {
      await this.refuse(policy, request, caller, 'scope-missing');
      response.setHeader('WWW-Authenticate', insufficientScopeChallenge(policy.scope));
      throw new ForbiddenException(scopeMissingBody(policy.scope));
    }
    return true;
  }

  private async refuse(
    policy: AccessPolicy,
    request: HttpRequest,
    caller: Caller,
    code: AccessRefusal['code'],
  ): Promise<void> {
    this.logger.log(`access refused: ${code}`);
    if (!policy.memberData || this.refusals === undefined) return;
    const purpose = request.headers[PURPOSE_HEADER];
    await this.refusals.recordRefusal({
      caller,
      route: routeOf(request),
      params: { ...request.params },
      purposeHeader: typeof purpose === 'string' ? purpose : undefined,
      code,
    });
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

/** `GET /v1/members/:memberId/gaps`: the method and Express's route pattern (no member id in it). */
export function routeOf(request: {
  readonly method: string;
  readonly route?: { readonly path?: unknown };
}): string {
  const path = request.route?.path;
  return `${request.method} ${typeof path === 'string' ? path : '(unmatched)'}`;
}
