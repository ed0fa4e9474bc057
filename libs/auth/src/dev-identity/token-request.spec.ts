import { DEV_PASSWORD, DEV_USERS } from './dev-users';
import { grantPassword, isTokenEndpointError, parseTokenRequest } from './token-request';

const FORM = 'application/x-www-form-urlencoded';
const passwordGrant = (overrides: Record<string, string> = {}): Map<string, string> =>
  new Map(
    Object.entries({
      grant_type: 'password',
      username: 'coach-ana',
      password: DEV_PASSWORD,
      client_id: 'care-dev',
      ...overrides,
    }),
  );

describe('the development token endpoint request', () => {
  describe('parsing', () => {
    it('reads a form body and a JSON body alike', () => {
      const form = parseTokenRequest(
        `${FORM}; charset=utf-8`,
        'grant_type=password&username=coach-ana&password=p%20w',
      );
      const json = parseTokenRequest(
        'application/json',
        '{"grant_type":"password","username":"coach-ana","password":"p w"}',
      );
      expect(form).toEqual(json);
      expect(form).toEqual(
        new Map([
          ['grant_type', 'password'],
          ['username', 'coach-ana'],
          ['password', 'p w'],
        ]),
      );
    });

    it.each([
      ['JSON that does not parse', 'application/json', '{', 400],
      ['a JSON array', 'application/json', '[]', 400],
      ['a JSON value that is not a string', 'application/json', '{"username":1}', 400],
      ['another media type', 'text/plain', 'grant_type=password', 415],
      ['no media type', undefined, 'grant_type=password', 415],
    ])('refuses %s as invalid_request', (_case, contentType, body, status) => {
      expect(parseTokenRequest(contentType, body)).toEqual({
        status,
        body: { error: 'invalid_request', error_description: expect.any(String) },
      });
    });
  });

  describe('the password grant', () => {
    it('logs in a seeded user with the development password', () => {
      expect(grantPassword(passwordGrant(), DEV_USERS)).toEqual(
        expect.objectContaining({ username: 'coach-ana', roles: ['coach'], queues: ['coaching'] }),
      );
    });

    it('answers the same invalid_grant for a wrong password and an unknown user', () => {
      const wrongPassword = grantPassword(passwordGrant({ password: 'guess' }), DEV_USERS);
      const unknownUser = grantPassword(passwordGrant({ username: 'mallory' }), DEV_USERS);
      expect(wrongPassword).toEqual({
        status: 400,
        body: { error: 'invalid_grant', error_description: 'unknown username or wrong password' },
      });
      expect(unknownUser).toEqual(wrongPassword);
    });

    it.each([
      ['another grant type', { grant_type: 'client_credentials' }, 400, 'unsupported_grant_type'],
      ['another client', { client_id: 'somebody-else' }, 401, 'invalid_client'],
      ['no password', { password: undefined }, 400, 'invalid_request'],
      ['no grant type', { grant_type: undefined }, 400, 'invalid_request'],
    ])('refuses %s', (_case, overrides, status, error) => {
      const parameters = passwordGrant();
      for (const [name, value] of Object.entries(overrides)) {
        if (value === undefined) parameters.delete(name);
        else parameters.set(name, value);
      }
      const result = grantPassword(parameters, DEV_USERS);
      expect(isTokenEndpointError(result)).toBe(true);
      expect(result).toEqual({ status, body: { error, error_description: expect.any(String) } });
    });
  });
});
