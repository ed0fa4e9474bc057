import { Controller, Get, HttpCode, Inject, Logger, Post, Query, Req, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public, TokenVerifier } from '@care/auth';
import type { Request, Response } from 'express';
import { safeReturnPath, type SessionUser } from './console-session';
import { OidcLogin } from './oidc-login';
import { csrfTokenOf } from './session.middleware';

export const CONSOLE_PUBLIC_URL = Symbol('CONSOLE_PUBLIC_URL');

/** What the page learns about its session: who is signed in and the CSRF token for writes; never a token. */
export interface SessionView {
  readonly authenticated: boolean;
  readonly user?: SessionUser;
  readonly csrfToken?: string;
}

const asError = (error: unknown): Error =>
  error instanceof Error ? error : new Error('session store failed');
const regenerate = (request: Request): Promise<void> =>
  new Promise((resolve, reject) => {
    request.session.regenerate((error) => (error ? reject(asError(error)) : resolve()));
  });
const save = (request: Request): Promise<void> =>
  new Promise((resolve, reject) => {
    request.session.save((error) => (error ? reject(asError(error)) : resolve()));
  });
const destroy = (request: Request): Promise<void> =>
  new Promise((resolve) => request.session.destroy(() => resolve()));

/**
 * Signing in and out. `/auth/login` sends the browser to the identity provider (authorization code with PKCE),
 * `/auth/callback` exchanges the code in the backend and starts a new session (a new id: no session fixation),
 * `/auth/logout` ends it here and at the provider.
 */
@ApiTags('session')
@Controller()
export class AuthController {
  private readonly logger = new Logger('Auth');

  constructor(
    @Inject(OidcLogin) private readonly login: OidcLogin,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
    @Inject(CONSOLE_PUBLIC_URL) private readonly publicUrl: string,
  ) {}

  @Get('auth/login')
  @Public('starts a sign-in at the identity provider')
  async startLogin(
    @Query('returnTo') returnTo: unknown,
    @Req() request: Request,
    @Res() response: Response,
  ): Promise<void> {
    let start: Awaited<ReturnType<OidcLogin['start']>>;
    try {
      start = await this.login.start(safeReturnPath(returnTo));
    } catch {
      response
        .status(503)
        .type('text/plain')
        .send('The identity provider cannot be reached. Try again shortly.');
      return;
    }
    request.session.login = start.pending;
    await save(request);
    response.redirect(302, start.url);
  }

  @Get('auth/callback')
  @Public('the identity provider sends the browser back here with a code')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    const pending = request.session.login;
    if (pending === undefined) {
      response.redirect(302, '/auth/login');
      return;
    }
    const callbackUrl = new URL(request.originalUrl, this.publicUrl);
    let user: SessionUser;
    let tokens: Awaited<ReturnType<OidcLogin['finish']>>['tokens'];
    try {
      const finished = await this.login.finish(callbackUrl, pending);
      tokens = finished.tokens;
      const caller = await this.verifier.verify(tokens.accessToken);
      user = {
        subject: caller.subject,
        name: finished.name ?? caller.subject,
        roles: caller.roles,
        queues: caller.queues,
      };
    } catch (error) {
      this.logger.warn(`sign-in failed: ${error instanceof Error ? error.name : 'unknown'}`);
      delete request.session.login;
      await save(request);
      response.status(401).type('text/plain').send('Sign-in failed. Go back to the console to try again.');
      return;
    }
    await regenerate(request);
    request.session.tokens = tokens;
    request.session.user = user;
    await save(request);
    response.redirect(302, pending.returnTo);
  }

  @Post('auth/logout')
  @HttpCode(200)
  @Public('ends the caller’s own session (CSRF-protected)')
  async logout(@Req() request: Request): Promise<{ redirectTo: string }> {
    const idToken = request.session.tokens?.idToken;
    await destroy(request);
    return { redirectTo: (await this.login.endSessionUrl(idToken)) ?? '/' };
  }

  @Get('api/session')
  @Public('tells the page whether it is signed in (no token, no member data)')
  session(@Req() request: Request, @Res({ passthrough: true }) response: Response): SessionView {
    response.setHeader('cache-control', 'no-store');
    const user = request.session.user;
    if (user === undefined || request.session.tokens === undefined) return { authenticated: false };
    return { authenticated: true, user, csrfToken: csrfTokenOf(request) };
  }
}
