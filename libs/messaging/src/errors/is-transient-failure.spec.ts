import {
  KafkaJSBrokerNotFound,
  KafkaJSConnectionError,
  KafkaJSError,
  KafkaJSLockTimeout,
  KafkaJSNonRetriableError,
  KafkaJSNumberOfRetriesExceeded,
  KafkaJSProtocolError,
  KafkaJSRequestTimeoutError,
} from 'kafkajs';
import { DatabaseError } from 'pg';
import { QueryFailedError } from 'typeorm';
import { PermanentEventError, TransientEventError } from './event-errors';
import { describeFailure, isTransientFailure } from './is-transient-failure';

/** A PostgreSQL error as node-postgres raises it, with its SQLSTATE. */
function pgError(code: string, message = `server error ${code}`): DatabaseError {
  const error = new DatabaseError(message, message.length, 'error');
  error.code = code;
  error.severity = 'ERROR';
  return error;
}

/** The same error as TypeORM surfaces it from `manager.query` (properties copied, original as driverError). */
function typeormError(driverError: Error): QueryFailedError {
  return new QueryFailedError('INSERT INTO applied VALUES ($1)', ['x'], driverError);
}

// kafkajs declares these constructors without parameters, but its implementation reads a message argument.
const BrokerNotFound = KafkaJSBrokerNotFound as unknown as new (message: string) => KafkaJSBrokerNotFound;
const LockTimeout = KafkaJSLockTimeout as unknown as new (message: string) => KafkaJSLockTimeout;

/** A Node socket error (no SQLSTATE exists yet when the connection itself fails). */
function socketError(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:5432`), { code, errno: -1, syscall: 'connect' });
}

describe('transient or permanent failure', () => {
  describe('PostgreSQL errors', () => {
    it.each([
      ['08000', 'connection exception'],
      ['08003', 'connection does not exist'],
      ['08006', 'connection failure'],
      ['53000', 'insufficient resources'],
      ['53100', 'disk full'],
      ['53300', 'too many connections'],
      ['57P01', 'admin shutdown (pg_terminate_backend)'],
      ['57P03', 'cannot connect now (starting up)'],
      ['40001', 'serialization failure'],
      ['40P01', 'deadlock detected'],
    ])('retries SQLSTATE %s (%s)', (code) => {
      expect(isTransientFailure(pgError(code))).toBe(true);
      expect(isTransientFailure(typeormError(pgError(code)))).toBe(true);
    });

    it.each([
      ['23505', 'unique violation'],
      ['23503', 'foreign key violation'],
      ['23502', 'not-null violation'],
      ['23514', 'check violation'],
      ['22P02', 'invalid text representation'],
      ['42P01', 'undefined table'],
      ['42601', 'syntax error'],
      ['40002', 'integrity constraint violation at commit (class 40, not a conflict)'],
      ['25P02', 'in failed transaction'],
    ])('dead-letters SQLSTATE %s (%s)', (code) => {
      expect(isTransientFailure(pgError(code))).toBe(false);
      expect(isTransientFailure(typeormError(pgError(code)))).toBe(false);
    });

    it.each(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'])(
      'retries the socket error %s',
      (code) => {
        expect(isTransientFailure(socketError(code))).toBe(true);
      },
    );

    it('retries the driver messages of a lost or unobtainable connection', () => {
      expect(isTransientFailure(new Error('Connection terminated unexpectedly'))).toBe(true);
      expect(isTransientFailure(typeormError(new Error('Connection terminated')))).toBe(true);
      expect(isTransientFailure(new Error('timeout exceeded when trying to connect'))).toBe(true);
    });
  });

  describe('broker errors', () => {
    it('retries connection, timeout, lock and exhausted-retry errors of KafkaJS', () => {
      const connection = new KafkaJSConnectionError('Connection error: connect ECONNREFUSED', {
        broker: '127.0.0.1:9092',
        code: 'ECONNREFUSED',
      });
      expect(isTransientFailure(connection)).toBe(true);
      expect(
        isTransientFailure(
          new KafkaJSRequestTimeoutError('Request Produce(key: 0, version: 7) timed out', {
            broker: '127.0.0.1:9092',
            clientId: 'claims-intake',
            correlationId: 7,
            createdAt: 0,
            sentAt: 0,
            pendingDuration: 0,
          }),
        ),
      ).toBe(true);
      expect(isTransientFailure(new BrokerNotFound('Broker 3 not found in the cached metadata'))).toBe(true);
      expect(isTransientFailure(new LockTimeout('Timeout while acquiring lock (1 waiting locks)'))).toBe(
        true,
      );
      expect(
        isTransientFailure(
          new KafkaJSNumberOfRetriesExceeded(connection, { retryCount: 8, retryTime: 5000 }),
        ),
      ).toBe(true);
    });

    it('follows the retriable flag of a broker protocol error', () => {
      const notLeader = Object.assign(new Error('This server is not the leader for that topic-partition'), {
        type: 'NOT_LEADER_FOR_PARTITION',
        code: 6,
        retriable: true,
      });
      const denied = Object.assign(
        new Error('Not authorized to access topics: [Topic authorization failed]'),
        {
          type: 'TOPIC_AUTHORIZATION_FAILED',
          code: 29,
          retriable: false,
        },
      );
      expect(isTransientFailure(new KafkaJSProtocolError(notLeader))).toBe(true);
      expect(isTransientFailure(new KafkaJSProtocolError(denied))).toBe(false);
      expect(isTransientFailure(new KafkaJSNonRetriableError('Invalid message'))).toBe(false);
      expect(isTransientFailure(new KafkaJSError('The producer is disconnected'))).toBe(true);
    });
  });

  describe('handler errors', () => {
    it('retries a TransientEventError whatever it wraps', () => {
      expect(isTransientFailure(new TransientEventError('rate limited'))).toBe(true);
      expect(isTransientFailure(new TransientEventError('busy', { cause: new TypeError('x') }))).toBe(true);
    });

    it('dead-letters a PermanentEventError, a TypeError, a RangeError and plain errors', () => {
      expect(isTransientFailure(new PermanentEventError('claim-conflict', 'different content'))).toBe(false);
      expect(isTransientFailure(new TypeError("Cannot read properties of undefined (reading 'lines')"))).toBe(
        false,
      );
      expect(isTransientFailure(new RangeError('Invalid time value'))).toBe(false);
      expect(isTransientFailure(new Error('rule violated'))).toBe(false);
    });

    it('dead-letters thrown values that are not errors', () => {
      expect(isTransientFailure(undefined)).toBe(false);
      expect(isTransientFailure(null)).toBe(false);
      expect(isTransientFailure('ECONNRESET')).toBe(false);
      expect(isTransientFailure(40001)).toBe(false);
      expect(isTransientFailure({})).toBe(false);
    });

    it('looks through wrapping errors to a transient cause, at any depth', () => {
      const deadlock = typeormError(pgError('40P01'));
      const wrapped = new Error('applying claim failed', { cause: deadlock });
      expect(isTransientFailure(wrapped)).toBe(true);
      expect(isTransientFailure(new Error('use case failed', { cause: wrapped }))).toBe(true);
      expect(
        isTransientFailure(
          new Error('apply failed', { cause: new KafkaJSConnectionError('Connection timeout') }),
        ),
      ).toBe(true);
    });

    it('keeps a wrapped permanent cause permanent', () => {
      const conflict = new Error('applying claim failed', { cause: typeormError(pgError('23505')) });
      expect(isTransientFailure(conflict)).toBe(false);
      expect(isTransientFailure(new Error('outer', { cause: new TypeError('inner') }))).toBe(false);
    });

    it('answers for errors whose causes form a cycle instead of overflowing the stack', () => {
      const first = new Error('first');
      const second = new Error('second', { cause: first });
      Object.assign(first, { cause: second });
      const self = new Error('self');
      Object.assign(self, { cause: self });
      expect(isTransientFailure(first)).toBe(false);
      expect(isTransientFailure(self)).toBe(false);
      const transientInCycle = new Error('outer');
      Object.assign(transientInCycle, {
        cause: new Error('middle', { cause: Object.assign(pgError('40001'), { cause: transientInCycle }) }),
      });
      expect(isTransientFailure(transientInCycle)).toBe(true);
    });
  });
});

describe('failure description', () => {
  it('names the error class and its message', () => {
    expect(describeFailure(new TypeError('x is not a function'))).toBe('TypeError: x is not a function');
    expect(describeFailure(new PermanentEventError('claim-conflict', 'different content'))).toBe(
      'PermanentEventError: claim-conflict: different content',
    );
    expect(describeFailure(typeormError(pgError('40001', 'could not serialize access')))).toBe(
      'QueryFailedError: could not serialize access',
    );
  });

  it('never includes a stack trace', () => {
    const error = new Error('boom');
    expect(error.stack).toContain('\n');
    expect(describeFailure(error)).toBe('Error: boom');
    expect(describeFailure(error)).not.toContain('\n');
  });

  it('keeps at most 500 characters', () => {
    const description = describeFailure(new Error('x'.repeat(2000)));
    expect(description).toHaveLength(500);
    expect(description.startsWith('Error: xxx')).toBe(true);
  });

  it('does not echo thrown values that are not errors (they may hold payload data)', () => {
    expect(describeFailure('member M123 born 1970-01-01')).toBe('non-error value thrown');
    expect(describeFailure({ memberId: 'M123' })).toBe('non-error value thrown');
    expect(describeFailure(undefined)).toBe('non-error value thrown');
  });
});
