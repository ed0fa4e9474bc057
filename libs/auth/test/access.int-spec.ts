import { Controller, Get, Global, Module, Param, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Server } from 'node:http';
import request from 'supertest';
import {
  Access,
  ACCESS_REFUSAL_RECORDER,
  AuthModule,
  CARE_PLATFORM_AUDIENCE,
  CurrentCaller,
  Public,
  startDevIdentityProvider,
  type AccessRefusal,
  type Caller,
  type DevIdentityProvider,
  type OidcSettings,
} from '../src';
import { freePort } from './support/forged-token-issuer';

@Controller('members')
class MembersController {
  @Get(':memberId/gaps')
  @Access({ roles: ['coach', 'supervisor'], scope: 'member:read', memberData: true })
  gaps(
    @CurrentCaller() caller: Caller,
    @Param('memberId') memberId: string,
  ): { caller: Caller; memberId: string } {
    return { caller, memberId };
  }

  @Get('stats')
  @Access({ roles: ['ops', 'supervisor'], scope: 'stats:read', memberData: false })
  stats(@CurrentCaller() caller: Caller): Caller {
    return caller;
  }

  @Get('live')
  @Public('liveness probe')
  live(): { status: string } {
    return { status: 'ok' };
  }

  @Get('unguarded')
  @Public('a programming error under test')
  unguarded(@CurrentCaller() caller: Caller): Caller {
    return caller; // @CurrentCaller() on a public route: there is no caller
  }
}

@Controller('forgotten')
class ForgottenController {
  @Get()
  forgotten(): string {
    return 'a route that declares no policy';
  }
}

const refusals: AccessRefusal[] = [];

/** Stands in for @care/audit's trail (a global module that provides the recorder), collecting the refusals. */
@Global()
@Module({
  providers: [
    {
      provide: ACCESS_REFUSAL_RECORDER,
      useValue: {
        recordRefusal: (refusal: AccessRefusal) => {
          refusals.push(refusal);
          return Promise.resolve();
        },
      },
    },
  ],
  exports: [ACCESS_REFUSAL_RECORDER],
})
class RefusalsModule {}

async function startApp(
  settings: OidcSettings,
  controllers: (new () => unknown)[] = [MembersController],
): Promise<INestApplication<Server>> {
  const moduleRef = await Test.createTestingModule({
    imports: [AuthModule.forRoot(settings), RefusalsModule],
    controllers,
  }).compile();
  const app = moduleRef.createNestApplication<INestApplication<Server>>({ logger: false });
  await app.init();
  return app;
}

const CHALLENGE = 'Bearer realm="care-platform"';
const INVALID_TOKEN_CHALLENGE = 'Bearer realm="care-platform", error="invalid_token"';

describe('the access guard of a NestJS application (deny by default)', () => {
  let provider: DevIdentityProvider;
  let app: INestApplication<Server>;
  const get = (path: string, token?: string): request.Test => {
    const call = request(app.getHttpServer()).get(path);
    return token === undefined ? call : call.set('Authorization', `Bearer ${token}`);
  };

  beforeAll(async () => {
    provider = await startDevIdentityProvider();
    app = await startApp({ issuer: provider.issuer, audience: CARE_PLATFORM_AUDIENCE, jwksUrl: undefined });
  });
  afterAll(async () => {
    await app.close();
    await provider.close();
  });
  beforeEach(() => refusals.splice(0));

  it('answers 401 token-missing with a bare Bearer challenge when there is no Authorization header', async () => {
    const response = await get('/members/M-1/gaps').expect(401);
    expect(response.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'token-missing',
      message: 'A bearer token is required (Authorization: Bearer <token>).',
    });
    expect(response.headers['www-authenticate']).toBe(CHALLENGE);
  });

  it('treats another scheme (Basic) as no bearer token', async () => {
    const response = await request(app.getHttpServer())
      .get('/members/stats')
      .set('Authorization', 'Basic Y29hY2gtYW5hOmRldi1wYXNzd29yZA==')
      .expect(401);
    expect(response.body.code).toBe('token-missing');
  });

  it.each([
    ['garbage', 'garbage'],
    ['three garbage segments', 'aaa.bbb.ccc'],
  ])('answers 401 token-invalid with an invalid_token challenge for %s', async (_case, token) => {
    const response = await get('/members/M-1/gaps', token).expect(401);
    expect(response.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'token-invalid',
      message: 'The bearer token is not a well-formed signed JWT.',
    });
    expect(response.headers['www-authenticate']).toBe(INVALID_TOKEN_CHALLENGE);
  });

  it('answers 401 token-invalid for an expired token, saying so and echoing nothing of it', async () => {
    const token = await provider.tokenFor('supervisor-dee', { expiresInSeconds: -300 });
    const response = await get('/members/M-1/gaps', token).expect(401);
    expect(response.body.message).toBe('The bearer token has expired.');
    expect(response.text).not.toContain('supervisor-dee');
    expect(response.text).not.toContain(token.split('.')[1]);
    expect(refusals).toEqual([]); // no verified caller: nothing to audit
  });

  it('answers 403 role-forbidden naming the allowed roles, and reports the refusal of a member-data route', async () => {
    const response = await get('/members/M-7/gaps', await provider.tokenFor('ops-eli')).expect(403);
    expect(response.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      code: 'role-forbidden',
      message: 'This operation requires one of the roles: coach, supervisor.',
    });
    expect(response.headers['www-authenticate']).toBeUndefined();
    expect(refusals).toEqual([
      expect.objectContaining({
        code: 'role-forbidden',
        route: 'GET /members/:memberId/gaps',
        params: { memberId: 'M-7' },
        caller: expect.objectContaining({ subject: 'ops-eli' }),
      }),
    ]);
  });

  it('answers 403 scope-missing with an insufficient_scope challenge when the role is right but the scope is not granted', async () => {
    const token = await provider.tokenFor('coach-ana', { scopes: ['casework:write'] });
    const response = await get('/members/M-8/gaps', token)
      .set('x-purpose-of-use', 'member-request')
      .expect(403);
    expect(response.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      code: 'scope-missing',
      message: 'This operation requires a token granted the scope member:read.',
    });
    expect(response.headers['www-authenticate']).toBe(
      'Bearer realm="care-platform", error="insufficient_scope", scope="member:read"',
    );
    expect(refusals).toEqual([
      expect.objectContaining({ code: 'scope-missing', purposeHeader: 'member-request' }),
    ]);
  });

  it('does not report refusals of a route without member data', async () => {
    await get('/members/stats', await provider.tokenFor('coach-ana')).expect(403);
    expect(refusals).toEqual([]);
  });

  it('admits a caller with a role and the scope, and hands the handler the verified caller', async () => {
    const response = await get('/members/M-1/gaps', await provider.tokenFor('coach-ben')).expect(200);
    expect(response.body).toEqual({
      memberId: 'M-1',
      caller: {
        subject: 'coach-ben',
        roles: ['coach'],
        scopes: ['screenings:write', 'member:read', 'casework:write', 'reference:read'],
        queues: ['coaching'],
        npis: [],
      },
    });
  });

  it('opens a @Public() route without a token', async () => {
    await get('/members/live').expect(200, { status: 'ok' });
  });

  it('fails loudly (500) when @CurrentCaller() is used where no token was checked', async () => {
    await get('/members/unguarded').expect(500);
  });

  it('documents the bearer scheme, the answers and the policy (x-care-access) in OpenAPI', () => {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle('test').addBearerAuth().build(),
    );
    const operation = document.paths['/members/{memberId}/gaps']?.get as unknown as Record<
      string,
      unknown
    > & {
      security: unknown;
      responses: Record<string, { content?: Record<string, { example?: unknown }> }>;
    };
    expect(operation.security).toEqual([{ bearer: [] }]);
    expect(operation['x-care-access']).toEqual({
      roles: ['coach', 'supervisor'],
      scope: 'member:read',
      memberData: true,
    });
    expect(operation.responses['401']?.content?.['application/json']?.example).toEqual(
      expect.objectContaining({ code: 'token-missing' }),
    );
    expect(operation.responses['503']?.content?.['application/json']?.example).toEqual(
      expect.objectContaining({ code: 'issuer-unavailable' }),
    );
    expect(
      (document.paths['/members/live']?.get as unknown as Record<string, unknown>)['x-care-access'],
    ).toEqual({
      public: 'liveness probe',
    });
  });
});

describe('a service with a route that declares no access policy', () => {
  it('refuses to start, naming the route', async () => {
    await expect(
      startApp({ issuer: 'http://127.0.0.1:9', audience: CARE_PLATFORM_AUDIENCE, jwksUrl: undefined }, [
        MembersController,
        ForgottenController,
      ]),
    ).rejects.toThrow('routes without an access policy (@Access or @Public): ForgottenController.forgotten');
  });
});

describe('roles read from another claim (OIDC_ROLES_CLAIM)', () => {
  it('finds Keycloak realm roles at realm_access.roles', async () => {
    // The development provider puts roles at `roles`; pointed elsewhere, the same token grants no role.
    const provider = await startDevIdentityProvider();
    const app = await startApp({
      issuer: provider.issuer,
      audience: CARE_PLATFORM_AUDIENCE,
      jwksUrl: undefined,
      rolesClaim: 'realm_access.roles',
    });
    try {
      const response = await request(app.getHttpServer())
        .get('/members/stats')
        .set('Authorization', `Bearer ${await provider.tokenFor('ops-eli')}`)
        .expect(403);
      expect(response.body.code).toBe('role-forbidden');
    } finally {
      await app.close();
      await provider.close();
    }
  });
});

describe('the access guard while the identity provider is down', () => {
  it('answers 503 issuer-unavailable (the token is not blamed) and recovers once the provider is up', async () => {
    const port = await freePort();
    const issuer = `http://127.0.0.1:${port}`;
    const app = await startApp({ issuer, audience: CARE_PLATFORM_AUDIENCE, jwksUrl: undefined });
    try {
      const early = await request(app.getHttpServer())
        .get('/members/stats')
        .set('Authorization', 'Bearer aaa.bbb.ccc')
        .expect(503);
      expect(early.body).toEqual({
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'issuer-unavailable',
        message: 'The identity provider could not be reached to check the bearer token; try again shortly.',
      });
      expect(early.headers['retry-after']).toBe('5');
      expect(early.headers['www-authenticate']).toBeUndefined();

      const provider = await startDevIdentityProvider({ port, issuer });
      try {
        await request(app.getHttpServer())
          .get('/members/stats')
          .set('Authorization', `Bearer ${await provider.tokenFor('ops-eli')}`)
          .expect(200);
      } finally {
        await provider.close();
      }
    } finally {
      await app.close();
    }
  });
});
