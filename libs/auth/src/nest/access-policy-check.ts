import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_POLICY, PUBLIC_ROUTE } from './access.decorator';

/** A route handler that declares neither `@Access()` nor `@Public()`, as `Controller.method`. */
export function routesWithoutPolicy(
  controllers: readonly (abstract new (...args: never[]) => unknown)[],
  reflector: Reflector,
  scanner: MetadataScanner,
): string[] {
  const missing: string[] = [];
  for (const controller of controllers) {
    const prototype = controller.prototype as object;
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = (prototype as Record<string, unknown>)[name];
      if (typeof handler !== 'function') continue;
      if (
        Reflect.getMetadata(METHOD_METADATA, handler) === undefined ||
        Reflect.getMetadata(PATH_METADATA, handler) === undefined
      )
        continue;
      const declared =
        reflector.get(ACCESS_POLICY, handler) !== undefined ||
        reflector.getAllAndOverride(PUBLIC_ROUTE, [handler, controller]) !== undefined;
      if (!declared) missing.push(`${controller.name}.${name}`);
    }
  }
  return missing;
}

/**
 * Refuses to start a service with a route that declares no access policy: deny by default is checked when the
 * application initialises, so a new route without `@Access()` or `@Public()` fails every test that boots it.
 */
@Injectable()
export class AccessPolicyCheck implements OnModuleInit {
  constructor(
    @Inject(DiscoveryService) private readonly discovery: DiscoveryService,
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(MetadataScanner) private readonly scanner: MetadataScanner,
  ) {}

  onModuleInit(): void {
    const controllers = this.discovery
      .getControllers()
      .map((wrapper) => wrapper.metatype)
      .filter(
        (metatype): metatype is abstract new (...args: never[]) => unknown => typeof metatype === 'function',
      );
    const missing = routesWithoutPolicy(controllers, this.reflector, this.scanner);
    if (missing.length > 0) {
      throw new Error(`routes without an access policy (@Access or @Public): ${missing.join(', ')}`);
    }
  }
}
