import type { OpsConnection } from '@care/messaging';
import { OpsException } from './ops.exception';
import { OpsKafka } from './ops-kafka';

/** A kafkajs error as the client throws it (its class is kafkajs', its name says so). */
const kafkaError = (name: string, message: string): Error => Object.assign(new Error(message), { name });

const fakeConnection = (): OpsConnection =>
  ({ disconnect: jest.fn().mockResolvedValue(undefined) }) as unknown as OpsConnection;

describe('the ops pages Kafka connection', () => {
  it('answers 503 kafka-unavailable when the broker cannot be reached, and connects again on the next request', async () => {
    const connect = jest
      .fn()
      .mockRejectedValueOnce(kafkaError('KafkaJSNumberOfRetriesExceeded', 'Connection error: ECONNREFUSED'))
      .mockResolvedValueOnce(fakeConnection());
    const kafka = new OpsKafka({ brokers: ['broker:9092'], prefix: '', connect });

    const refused = kafka.use(() => Promise.resolve('read'));

    await expect(refused).rejects.toBeInstanceOf(OpsException);
    await expect(refused).rejects.toMatchObject({
      code: 'kafka-unavailable',
      response: expect.objectContaining({ statusCode: 503, code: 'kafka-unavailable' }),
    });
    await expect(kafka.use(() => Promise.resolve('read'))).resolves.toBe('read');
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('keeps one connection while requests succeed', async () => {
    const connect = jest.fn().mockResolvedValue(fakeConnection());
    const kafka = new OpsKafka({ brokers: ['broker:9092'], prefix: 'env-', connect });

    await kafka.use(() => Promise.resolve(1));
    await kafka.use(() => Promise.resolve(2));

    expect(connect).toHaveBeenCalledTimes(1);
    expect(connect).toHaveBeenCalledWith({ brokers: ['broker:9092'], prefix: 'env-' });
  });

  it('drops the connection after a broker failure during a request, and a read that timed out is one', async () => {
    const first = fakeConnection();
    const connect = jest.fn().mockResolvedValueOnce(first).mockResolvedValueOnce(fakeConnection());
    const kafka = new OpsKafka({ brokers: ['broker:9092'], prefix: '', connect });

    await expect(
      kafka.use(() =>
        Promise.reject(new Error('reading env-claims-inbound.dlq timed out after 0 of 2 messages')),
      ),
    ).rejects.toMatchObject({ code: 'kafka-unavailable' });
    await kafka.use(() => Promise.resolve(0));

    expect(first.disconnect).toHaveBeenCalled();
    expect(connect).toHaveBeenCalledTimes(2);
  });

  it('answers 404 dead-letter-not-found for a position the topic does not hold', async () => {
    const kafka = new OpsKafka({
      brokers: ['b:1'],
      prefix: '',
      connect: jest.fn().mockResolvedValue(fakeConnection()),
    });

    await expect(
      kafka.use(() => Promise.reject(new Error('no dead letter at offset 7 of claims-inbound.dlq'))),
    ).rejects.toMatchObject({
      code: 'dead-letter-not-found',
      response: expect.objectContaining({ statusCode: 404 }),
    });
  });

  it('lets any other error through unchanged (a 500, never dressed up as the broker)', async () => {
    const kafka = new OpsKafka({
      brokers: ['b:1'],
      prefix: '',
      connect: jest.fn().mockResolvedValue(fakeConnection()),
    });
    const bug = new TypeError('x is undefined');

    await expect(kafka.use(() => Promise.reject(bug))).rejects.toBe(bug);
  });
});
