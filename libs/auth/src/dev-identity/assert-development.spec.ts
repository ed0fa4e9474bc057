import { assertDevelopmentEnvironment } from './assert-development';
import { DEV_USERS } from './dev-users';
import { ROLES } from '../roles';

describe('the development identity provider guard rails', () => {
  it('refuses NODE_ENV=production and says why', () => {
    expect(() => assertDevelopmentEnvironment({ NODE_ENV: 'production' })).toThrow(
      /refuses to run with NODE_ENV=production: .*password is published/,
    );
  });

  it.each([undefined, 'development', 'test'])('runs with NODE_ENV=%s', (nodeEnv) => {
    expect(() =>
      assertDevelopmentEnvironment(nodeEnv === undefined ? {} : { NODE_ENV: nodeEnv }),
    ).not.toThrow();
  });

  it('seeds at least one user per role, with unique usernames', () => {
    for (const role of ROLES) expect(DEV_USERS.some((user) => user.roles.includes(role))).toBe(true);
    expect(new Set(DEV_USERS.map((user) => user.username)).size).toBe(DEV_USERS.length);
  });
});
