import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { isTransientDatabaseError } from './is-transient-database-error';

describe('transient database failures', () => {
  it.each([
    ['connection failure', { code: '08006' }],
    ['too many connections', { code: '53300' }],
    ['admin shutdown', { code: '57P01' }],
    ['serialization failure', { code: '40001' }],
    ['deadlock', { code: '40P01' }],
    ['refused socket', { code: 'ECONNREFUSED' }],
    ['terminated connection', new Error('Connection terminated unexpectedly')],
    ['TypeORM wrapper around a lost connection', { code: 'X', driverError: { code: '08003' } }],
    ['closed pg client', new Error('Client was closed and is not queryable')],
    ['transaction whose connection TypeORM released', new QueryRunnerProviderAlreadyReleasedError()],
    ['query on a released TypeORM query runner', new QueryRunnerAlreadyReleasedError()],
  ])('retries a %s', (_name, error) => {
    expect(isTransientDatabaseError(error)).toBe(true);
  });

  it.each([
    ['unique violation', { code: '23505' }],
    ['syntax error', { code: '42601' }],
    ['invalid input', { code: '22P02' }],
    ['programming error', new TypeError('x is undefined')],
    ['non-object', 'boom'],
  ])('does not retry a %s', (_name, error) => {
    expect(isTransientDatabaseError(error)).toBe(false);
  });

  it('walks a driverError chain that loops back to itself once', () => {
    const first: { code: string; driverError?: unknown } = { code: '23505' };
    const second = { code: '23503', driverError: first };
    first.driverError = second;
    expect(isTransientDatabaseError(first)).toBe(false);
  });
});
