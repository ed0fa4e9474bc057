import { mayViewProvider } from './access-presets';
import { ROLES } from './roles';
import { ROLE_SCOPES, scopesOfRoles, SCOPES } from './scopes';

describe('provider scoping', () => {
  it("lets a provider user see only the NPIs of their token, and a supervisor every provider's view", () => {
    const practice = { roles: ['provider' as const], npis: ['1500000009'] };
    expect(mayViewProvider(practice, '1500000009')).toBe(true);
    expect(mayViewProvider(practice, '1999999992')).toBe(false);
    expect(mayViewProvider({ roles: ['supervisor'], npis: [] }, '1999999992')).toBe(true);
  });

  it('does not let NPIs in the token of another role open a provider view', () => {
    expect(mayViewProvider({ roles: ['coach'], npis: ['1500000009'] }, '1500000009')).toBe(false);
    expect(mayViewProvider({ roles: ['ops'], npis: ['1500000009'] }, '1500000009')).toBe(false);
  });
});

describe('the scopes granted per role', () => {
  it('grants every role at least one scope, and only known scopes', () => {
    for (const role of ROLES) {
      expect([role, ROLE_SCOPES[role].length > 0]).toEqual([role, true]);
      for (const scope of ROLE_SCOPES[role]) expect(SCOPES).toContain(scope);
    }
  });

  it('never grants member:read to a role that does not need member data', () => {
    for (const role of [
      'claims-system',
      'assessment-vendor',
      'ops',
      'auditor',
      'admin',
      'provider',
    ] as const) {
      expect([role, ROLE_SCOPES[role].includes('member:read')]).toEqual([role, false]);
    }
  });

  it('unites the scopes of several roles, each once', () => {
    expect(scopesOfRoles(['ops', 'admin'])).toEqual([
      'reference:read',
      'stats:read',
      'operations',
      'audit:read',
    ]);
    expect(scopesOfRoles([])).toEqual([]);
  });
});
