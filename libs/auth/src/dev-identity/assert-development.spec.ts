import { assertDevelopmentEnvironment } from './assert-development';
import { DEV_PRINCIPALS } from './dev-users';
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
    for (const role of ROLES)
      expect([role, DEV_PRINCIPALS.some((user) => user.roles.includes(role))]).toEqual([role, true]);
    expect(new Set(DEV_PRINCIPALS.map((user) => user.username)).size).toBe(DEV_PRINCIPALS.length);
  });
});
