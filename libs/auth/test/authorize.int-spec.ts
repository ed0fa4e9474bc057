import { Controller, Get, type INestApplication } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { Server } from 'node:http';
import request from 'supertest';
import {
  AuthModule,
  Authorize,
  CARE_PLATFORM_AUDIENCE,
  CurrentCaller,
  startDevIdentityProvider,
  type Caller,
  type DevIdentityProvider,
  type OidcSettings,
} from '../src';
import { freePort } from './support/forged-token-issuer';

@Controller('cases')
@Authorize('supervisor', 'admin')
class CasesController {
  @Get()
  list(@CurrentCaller() caller: Caller): Caller {
    return caller;
  }

  @Get('mine')
  @Authorize('coach')
  mine(@CurrentCaller() caller: Caller): Caller {
    return caller;
  }
}

@Controller('profile')
class ProfileController {
  @Get()
  @Authorize()
  whoAmI(@CurrentCaller() caller: Caller): Caller {
    return caller;
  }

  @Get('unguarded')
  unguarded(@CurrentCaller() caller: Caller): Caller {
    return caller; // a programming error: @CurrentCaller() without @Authorize()
  }
}

async function startApp(settings: OidcSettings): Promise<INestApplication<Server>> {
  const moduleRef = await Test.createTestingModule({
    imports: [AuthModule.forRoot(settings)],
    controllers: [CasesController, ProfileController],
  }).compile();
  const app = moduleRef.createNestApplication<INestApplication<Server>>({ logger: false });
  await app.init();
  return app;
}

const CHALLENGE = 'Bearer realm="care-platform"';
const INVALID_TOKEN_CHALLENGE = 'Bearer realm="care-platform", error="invalid_token"';

describe('@Authorize() on a NestJS application', () => {
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

  it('answers 401 token-missing with a bare Bearer challenge when there is no Authorization header', async () => {
    const response = await get('/cases').expect(401);
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
      .get('/cases')
      .set('Authorization', 'Basic Y29hY2gtYW5hOmRldi1wYXNzd29yZA==')
      .expect(401);
    expect(response.body.code).toBe('token-missing');
  });

  it.each([
    ['garbage', 'garbage'],
    ['three garbage segments', 'aaa.bbb.ccc'],
  ])('answers 401 token-invalid with an invalid_token challenge for %s', async (_case, token) => {
    const response = await get('/cases', token).expect(401);
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
    const response = await get('/cases', token).expect(401);
    expect(response.body).toEqual({
      statusCode: 401,
      error: 'Unauthorized',
      code: 'token-invalid',
      message: 'The bearer token has expired.',
    });
    expect(response.headers['www-authenticate']).toBe(INVALID_TOKEN_CHALLENGE);
    expect(response.text).not.toContain('supervisor-dee');
    expect(response.text).not.toContain(token.split('.')[1]);
  });

  it('answers 403 role-forbidden naming the allowed roles when the caller has none of them', async () => {
    const response = await get('/cases', await provider.tokenFor('coach-ana')).expect(403);
    expect(response.body).toEqual({
      statusCode: 403,
      error: 'Forbidden',
      code: 'role-forbidden',
      message: 'This operation requires one of the roles: supervisor, admin.',
    });
    expect(response.headers['www-authenticate']).toBeUndefined();
  });

  it('admits a caller with one of the roles and hands the handler the verified caller', async () => {
    const response = await get('/cases', await provider.tokenFor('admin-fay')).expect(200);
    expect(response.body).toEqual({ subject: 'admin-fay', roles: ['admin'], queues: [] });
  });

  it("lets a handler's roles replace its controller's", async () => {
    const coach = await get('/cases/mine', await provider.tokenFor('coach-ben')).expect(200);
    expect(coach.body).toEqual({ subject: 'coach-ben', roles: ['coach'], queues: ['coaching'] });
    const supervisor = await get('/cases/mine', await provider.tokenFor('supervisor-dee')).expect(403);
    expect(supervisor.body.message).toBe('This operation requires one of the roles: coach.');
  });

  it('admits any authenticated caller when no roles are named, and still requires a token', async () => {
    const response = await get('/profile', await provider.tokenFor('ops-eli')).expect(200);
    expect(response.body).toEqual({ subject: 'ops-eli', roles: ['ops'], queues: [] });
    await get('/profile').expect(401);
  });

  it('fails loudly (500) when @CurrentCaller() is used without @Authorize()', async () => {
    await get('/profile/unguarded', await provider.tokenFor('ops-eli')).expect(500);
  });

  it('documents the bearer scheme and the 401/403/503 answers with an example each in OpenAPI', () => {
    const document = SwaggerModule.createDocument(
      app,
      new DocumentBuilder().setTitle('test').addBearerAuth().build(),
    );
    const example = (path: string, status: string): unknown =>
      (document.paths[path]?.get?.responses[status] as { content?: Record<string, { example?: unknown }> })
        .content?.['application/json']?.example;
    expect(document.paths['/cases']?.get?.security).toEqual([{ bearer: [] }]);
    expect(example('/cases', '401')).toEqual(expect.objectContaining({ code: 'token-missing' }));
    expect(example('/cases', '403')).toEqual(
      expect.objectContaining({
        code: 'role-forbidden',
        message: expect.stringContaining('supervisor, admin'),
      }),
    );
    expect(example('/cases/mine', '403')).toEqual(
      expect.objectContaining({ message: expect.stringContaining('roles: coach.') }),
    );
    expect(example('/cases', '503')).toEqual(expect.objectContaining({ code: 'issuer-unavailable' }));
    expect(document.paths['/profile']?.get?.responses['403']).toBeUndefined();
  });
});

describe('@Authorize() while the identity provider is down', () => {
  it('answers 503 issuer-unavailable (the token is not blamed) and recovers once the provider is up', async () => {
    const port = await freePort();
    const issuer = `http://127.0.0.1:${port}`;
    const app = await startApp({ issuer, audience: CARE_PLATFORM_AUDIENCE, jwksUrl: undefined });
    try {
      const early = await request(app.getHttpServer())
        .get('/profile')
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
          .get('/profile')
          .set('Authorization', `Bearer ${await provider.tokenFor('coach-ana')}`)
          .expect(200);
      } finally {
        await provider.close();
      }
    } finally {
      await app.close();
    }
  });
});
