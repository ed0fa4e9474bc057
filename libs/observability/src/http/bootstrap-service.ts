import { ValidationPipe, type DynamicModule, type INestApplication, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { addJsonSchemaComponents } from './json-schema-components';
import { validationExceptionFactory } from './validation-exception.factory';

/** The HTTP conventions every service shares: validation, logging, OpenAPI at /docs, shutdown hooks. */
export function configureApplication(
  app: INestApplication,
  info: { title: string; description: string; jsonSchemas?: readonly string[] },
): void {
  app.useLogger(app.get(Logger));
  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      exceptionFactory: validationExceptionFactory,
    }),
  );
  app.enableShutdownHooks();
  const document = addJsonSchemaComponents(
    SwaggerModule.createDocument(
      app,
      new DocumentBuilder()
        .setTitle(info.title)
        .setDescription(info.description)
        .setVersion('1')
        // The `bearer` scheme that `@Authorize()` (@care/auth) refers to; unused by services without it.
        .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
        .build(),
    ),
    info.jsonSchemas ?? [],
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs/json' });
}

/** Creates, configures and starts a service on `port` (0 picks a free port). */
export async function bootstrapService(
  module: Type<unknown> | DynamicModule,
  options: {
    port: number;
    title: string;
    description: string;
    jsonSchemas?: readonly string[];
    bodyLimit?: string;
  },
): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(module, { bufferLogs: true });
  app.useBodyParser('json', { limit: options.bodyLimit ?? '20mb' });
  configureApplication(app, options);
  await app.listen(options.port, '0.0.0.0');
  return app;
}
