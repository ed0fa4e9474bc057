import { callerFromClaims } from './caller';

describe('the caller read from verified claims', () => {
  it('keeps the subject, the platform roles and the queues', () => {
    expect(
      callerFromClaims({
        sub: 'coach-ana',
        roles: ['coach', 'supervisor'],
        queues: ['coaching', 'advocacy'],
      }),
    ).toEqual({
      subject: 'coach-ana',
      roles: ['coach', 'supervisor'],
      scopes: [],
      queues: ['coaching', 'advocacy'],
      npis: [],
    });
  });

  it('ignores role names the platform does not know and entries that are not strings', () => {
    expect(
      callerFromClaims({ sub: 's', roles: ['coach', 'wizard', 'ADMIN', 7, null], queues: ['a', 3] }),
    ).toEqual({
      subject: 's',
      roles: ['coach'],
      scopes: [],
      queues: ['a'],
      npis: [],
    });
  });

  it.each([
    ['absent', {}],
    ['a string instead of an array', { roles: 'admin', queues: 'coaching' }],
    ['an object', { roles: { admin: true }, queues: { coaching: true } }],
  ])('grants no role and no queue when the claims are %s', (_shape, claims) => {
    expect(callerFromClaims({ sub: 's', ...claims })).toEqual({
      subject: 's',
      roles: [],
      scopes: [],
      queues: [],
      npis: [],
    });
  });

  it('lists a repeated role or queue once', () => {
    expect(callerFromClaims({ sub: 's', roles: ['ops', 'ops'], queues: ['q', 'q'] })).toEqual({
      subject: 's',
      roles: ['ops'],
      scopes: [],
      queues: ['q'],
      npis: [],
    });
  });

  it('reads the scopes of `scope` (space-separated) and `scp` (string or array), keeping only platform scopes', () => {
    expect(callerFromClaims({ sub: 's', scope: 'openid member:read  casework:write' }).scopes).toEqual([
      'member:read',
      'casework:write',
    ]);
    expect(callerFromClaims({ sub: 's', scp: 'audit:read' }).scopes).toEqual(['audit:read']);
    expect(callerFromClaims({ sub: 's', scp: ['stats:read', 'email', 5] }).scopes).toEqual(['stats:read']);
    expect(callerFromClaims({ sub: 's', scope: ['member:read'] }).scopes).toEqual(['member:read']);
  });

  it('reads the roles at a dot path (Keycloak realm roles) and nowhere else', () => {
    const claims = { sub: 's', roles: ['admin'], realm_access: { roles: ['coach', 'offline_access'] } };
    expect(callerFromClaims(claims, 'realm_access.roles').roles).toEqual(['coach']);
    expect(callerFromClaims(claims).roles).toEqual(['admin']);
    expect(callerFromClaims({ sub: 's', realm_access: ['coach'] }, 'realm_access.roles').roles).toEqual([]);
    expect(callerFromClaims({ sub: 's' }, 'constructor.name').roles).toEqual([]);
  });

  it('keeps the NPIs of a provider user', () => {
    expect(callerFromClaims({ sub: 's', roles: ['provider'], npis: ['1500000009', 7] }).npis).toEqual([
      '1500000009',
    ]);
  });
});
