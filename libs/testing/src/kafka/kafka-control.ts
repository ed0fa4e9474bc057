import { createServer, createConnection, type Socket } from 'node:net';

/**
 * Env variable with the `127.0.0.1:port` of the control server that forwards commands to the run's broker
 * (Apache Kafka started by the test harness, or the local mock broker).
 */
export const KAFKA_TEST_CONTROL_ENV = 'KAFKA_TEST_CONTROL';

/** A broker the control server can drive: one command line in, one `OK ...` answer out (rejects otherwise). */
export interface ControllableKafka {
  command(line: string): Promise<string>;
}

/** Commands the control server forwards; `quit` is refused so a test cannot stop the shared broker. */
const FORWARDED = new Set(['create', 'down', 'up', 'errors', 'ping']);

/** A TCP server on 127.0.0.1 that forwards broker command lines from other processes (Jest workers). */
export interface KafkaControlServer {
  /** `127.0.0.1:port`; put it into `KAFKA_TEST_CONTROL`. */
  readonly address: string;
  close(): Promise<void>;
}

/**
 * Starts the control server for `broker` on a random 127.0.0.1 port. Protocol: one helper command per line
 * (`create <topic> <partitions>`, `down <id>`, `up <id>`, `errors <apiKey> <count> <code>...`, `ping`), each
 * answered with one `OK ...` or `ERR <reason>` line.
 */
export async function startKafkaControlServer(broker: ControllableKafka): Promise<KafkaControlServer> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.setEncoding('utf8');
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => socket.destroy());
    let buffered = '';
    let answered: Promise<void> = Promise.resolve(); // keeps answers in request order
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      let newline: number;
      while ((newline = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, newline).trim();
        buffered = buffered.slice(newline + 1);
        if (!line) continue;
        const answer = forward(broker, line);
        answered = answered.then(async () => {
          const text = await answer;
          if (!socket.destroyed) socket.write(`${text}\n`);
        });
      }
    });
  });
  await new Promise<void>((resolveListen, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(0, '127.0.0.1', () => resolveListen());
  });
  const bound = server.address();
  if (bound === null || typeof bound === 'string') throw new Error('control server has no TCP address');
  return {
    address: `127.0.0.1:${bound.port}`,
    close: () =>
      new Promise<void>((resolveClose) => {
        sockets.forEach((socket) => socket.destroy());
        server.close(() => resolveClose());
      }),
  };
}

async function forward(broker: ControllableKafka, line: string): Promise<string> {
  const verb = line.split(/\s+/, 1)[0] ?? '';
  if (!FORWARDED.has(verb)) return `ERR command not allowed over the control socket: ${verb}`;
  try {
    return await broker.command(line);
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).replace(
      `kafka-mock "${line}": `,
      '',
    );
    return `ERR ${message.replace(/[\r\n]+/g, ' ')}`;
  }
}

/**
 * Sends one command line to a control server (`host:port`) and resolves with its `OK ...` answer; rejects on
 * `ERR`, on connection errors and after `timeoutMs`.
 */
export function sendKafkaControlCommand(address: string, line: string, timeoutMs = 120_000): Promise<string> {
  const separator = address.lastIndexOf(':');
  const host = address.slice(0, separator);
  const port = Number(address.slice(separator + 1));
  if (separator <= 0 || !Number.isInteger(port)) {
    return Promise.reject(new Error(`bad ${KAFKA_TEST_CONTROL_ENV} address: ${address}`));
  }
  return new Promise<string>((resolveAnswer, rejectAnswer) => {
    const socket = createConnection({ host, port });
    let buffered = '';
    let settled = false;
    const settle = (error: Error | undefined, answer = ''): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      if (error) rejectAnswer(error);
      else resolveAnswer(answer);
    };
    socket.setEncoding('utf8');
    socket.setTimeout(timeoutMs, () =>
      settle(new Error(`kafka control "${line}": no answer in ${timeoutMs} ms`)),
    );
    socket.on('connect', () => socket.write(`${line}\n`));
    socket.on('data', (chunk: string) => {
      buffered += chunk;
      const newline = buffered.indexOf('\n');
      if (newline < 0) return;
      const answer = buffered.slice(0, newline).trim();
      if (answer === 'OK' || answer.startsWith('OK ')) settle(undefined, answer);
      else settle(new Error(`kafka control "${line}": ${answer.replace(/^ERR\s*/, '')}`));
    });
    socket.on('error', (error) => settle(new Error(`kafka control at ${address}: ${error.message}`)));
    socket.on('close', () => settle(new Error(`kafka control at ${address} closed without an answer`)));
  });
}
