import { join, relative } from 'node:path';
import { compiledServiceMain } from '../build/compiled-services';
import { DEV_IDENTITY_ISSUER, existingServices } from './platform-services';

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
});
