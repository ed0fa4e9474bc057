import { callerFromClaims } from './caller';

describe('the caller read from verified claims', () => {
  it('keeps the subject, the platform roles and the queues', () => {
    expect(
      callerFromClaims({
        sub: 'coach-ana',
        roles: ['coach', 'supervisor'],
        queues: ['coaching', 'advocacy'],
      }),
    ).toEqual({ subject: 'coach-ana', roles: ['coach', 'supervisor'], queues: ['coaching', 'advocacy'] });
  });

  it('ignores role names the platform does not know and entries that are not strings', () => {
    expect(
      callerFromClaims({ sub: 's', roles: ['coach', 'wizard', 'ADMIN', 7, null], queues: ['a', 3] }),
    ).toEqual({
      subject: 's',
      roles: ['coach'],
      queues: ['a'],
    });
  });

  it.each([
    ['absent', {}],
    ['a string instead of an array', { roles: 'admin', queues: 'coaching' }],
    ['an object', { roles: { admin: true }, queues: { coaching: true } }],
  ])('grants no role and no queue when the claims are %s', (_shape, claims) => {
    expect(callerFromClaims({ sub: 's', ...claims })).toEqual({ subject: 's', roles: [], queues: [] });
  });

  it('lists a repeated role or queue once', () => {
    expect(callerFromClaims({ sub: 's', roles: ['ops', 'ops'], queues: ['q', 'q'] })).toEqual({
      subject: 's',
      roles: ['ops'],
      queues: ['q'],
    });
  });
});
