import { ValidationPipe, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory, Reflector } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { addJsonSchemaComponents } from './json-schema-components';
import { loadHttpInputLimits, loadHttpListenHost } from '@care/config';
import type { InputBounds } from '@care/contracts';
import { InputBoundsInterceptor } from './input-bounds.interceptor';
import { bodyParserErrors, StorageRejectionFilter } from './storage-rejection';
import { validationExceptionFactory } from './validation-exception.factory';

/** The HTTP conventions every service shares: validation, logging, OpenAPI at /docs, shutdown hooks. */
export function configureApplication(
  app: INestApplication,
  info: { title: string; description: string; jsonSchemas?: readonly string[]; bounds?: InputBounds },
): void {
  app.useLogger(app.get(Logger));
  // Bounds first (an interceptor runs before the pipes): the ValidationPipe must never see a body it cannot
  // validate in bounded time.
  app.useGlobalInterceptors(new InputBoundsInterceptor(app.get(Reflector), info.bounds));
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  // A value the database refuses is the caller's error (400), never a 500.
  app.useGlobalFilters(new StorageRejectionFilter(app.getHttpAdapter()));
  app.enableShutdownHooks();
  const document = addJsonSchemaComponents(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(info.title)
        .setDescription(info.description)
        .setVersion('1')
        // The `bearer` scheme that `@Access()` (@care/auth) refers to.
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
        .build(),
    ),
    info.jsonSchemas ?? [],
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
}

/** Creates, configures and starts a service on `port` (0 picks a free port) of HTTP_HOST (default 127.0.0.1). */
export async function bootstrapService(
  module: Type<unknown> | DynamicModule,
  options: {
    port: number;
    title: string;
    description: string;
    jsonSchemas?: readonly string[];
    /** Express middleware of the service's own (the console's sessions), installed before the routes. */
    middleware?: (app: NestExpressApplication) => void | Promise<void>;
  },
): Promise<INestApplication> {
  // HTTP_MAX_BODY_BYTES and INPUT_MAX_*: read before anything starts, so a bad value stops start-up naming it.
  const limits = loadHttpInputLimits();
  // HTTP_HOST: 127.0.0.1 unless the deployment says otherwise (0.0.0.0 in a container).
  const host = loadHttpListenHost();
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true });
  // Over the limit is a 413 decided from Content-Length before the body is read (or as soon as a chunked body
  // passes it).
  app.useBodyParser('json', { limit: limits.maxBodyBytes });
  app.use(bodyParserErrors);
  await options.middleware?.(app);
  configureApplication(app, { ...options, bounds: limits.bounds });
  await app.listen(options.port, host);
  return app;
}
