import { join, relative } from 'node:path';
import { compiledServiceMain } from '../build/compiled-services';
import { DEV_IDENTITY_ISSUER, existingServices, selectServices } from './platform-services';

describe('the processes of the local stack', () => {
  const root = join(__dirname, '..', '..');
  const services = existingServices(root);

  it('starts the development identity provider first, on 3090, issuing for the stack issuer', () => {
    expect(services[0]).toEqual(
      expect.objectContaining({
        name: 'dev-identity',
        port: 3090,
        urlVariable: 'DEV_IDENTITY_URL',
        kind: 'identity-provider',
        env: { DEV_IDENTITY_ISSUER },
      }),
    );
    expect(DEV_IDENTITY_ISSUER).toBe('http://localhost:3090');
  });

  it('gives every process its own port and URL variable', () => {
    expect(new Set(services.map((service) => service.port)).size).toBe(services.length);
    expect(new Set(services.map((service) => service.urlVariable)).size).toBe(services.length);
    expect(services.filter((service) => service.kind === 'identity-provider')).toHaveLength(1);
  });

  it('runs each one compiled: the output of its entry point under dist/, where npm run build puts it', () => {
    for (const service of services) {
      expect(service.entry).toBe(`services/${service.name}/src/main.ts`);
      expect(service.main).toBe(relative(root, compiledServiceMain(root, service.name)));
    }
  });

  it('leaves out the services named in without, keeping the order, and refuses a name it does not run', () => {
    const names = (list: ReadonlyArray<{ name: string }>): string[] => list.map((service) => service.name);
    expect(names(selectServices(services, []))).toEqual(names(services));
    expect(names(selectServices(services, ['console']))).toEqual(
      names(services).filter((name) => name !== 'console'),
    );
    expect(() => selectServices(services, ['consol'])).toThrow(
      /cannot leave out consol: the stack runs dev-identity, claims-intake/,
    );
  });
});
