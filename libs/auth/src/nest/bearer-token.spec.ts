import { readBearerCredentials, type BearerCredentials } from './bearer-token';

describe('reading the bearer token from the Authorization header', () => {
  it.each<[string, string | undefined, BearerCredentials]>([
    ['no header', undefined, { kind: 'absent' }],
    ['an empty header', '', { kind: 'absent' }],
    ['another scheme', 'Basic Y29hY2g6cGFzcw==', { kind: 'absent' }],
    ['a scheme that only starts like Bearer', 'Bearerx abc', { kind: 'absent' }],
    ['the scheme without a token', 'Bearer', { kind: 'malformed' }],
    ['a token with spaces', 'Bearer abc def', { kind: 'malformed' }],
    ['a token with characters a token cannot have', 'Bearer abc"def', { kind: 'malformed' }],
    ['a JWT', 'Bearer aaa.bbb.ccc', { kind: 'token', token: 'aaa.bbb.ccc' }],
    [
      'a lower-case scheme and extra spaces',
      '  bearer   aaa.bbb-_.c~+/==  ',
      { kind: 'token', token: 'aaa.bbb-_.c~+/==' },
    ],
  ])('%s', (_case, header, expected) => {
    expect(readBearerCredentials(header)).toEqual(expected);
  });
});
