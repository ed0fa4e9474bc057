import { join } from 'node:path';
import { DEV_IDENTITY_ISSUER, existingServices } from './platform-services';

describe('the processes of the local stack', () => {
  const services = existingServices(join(__dirname, '..', '..'));

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
});
