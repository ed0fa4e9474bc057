import { type ChildProcessWithoutNullStreams, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { assertTopicName, type TopicSpec, topicPartitions } from './topic-spec';

/** Where the C helper lives: infra/kafka-mock in the repository root. */
const HELPER_DIR = resolve(__dirname, '../../../../infra/kafka-mock');
const HELPER_SOURCE = join(HELPER_DIR, 'kafka-mock.c');
const HELPER_BINARY = join(HELPER_DIR, 'bin', 'kafka-mock');
const MOCK_HEADER = '/usr/include/librdkafka/rdkafka_mock.h';
const STDERR_KEEP = 8192;

/** Options for {@link startLocalKafkaBroker}. */
export interface LocalKafkaBrokerOptions {
  /** Broker count (ids 1..N); default 3. */
  brokers?: number;
  /** Topics created before the promise resolves. */
  topics?: TopicSpec[];
  /** How long to wait for the helper to print its bootstrap list; default 15 s. */
  startTimeoutMs?: number;
}

/** A running kafka-mock helper process: librdkafka's mock cluster on random 127.0.0.1 ports. */
export interface LocalKafkaBroker {
  /** host:port of every broker, for kafkajs `brokers`. */
  readonly bootstrapServers: string[];
  /** Pre-creates topics (an existing topic is left as is). */
  createTopics(topics: TopicSpec[]): Promise<void>;
  /** Broker `id` (1..N, or -1 for all) stops answering; leadership does not move. */
  setBrokerDown(id: number): Promise<void>;
  /** Broker `id` accepts connections again. */
  setBrokerUp(id: number): Promise<void>;
  /** The next `count` requests of protocol API `apiKey` fail with `codes` (one code is repeated). */
  pushRequestErrors(apiKey: number, count: number, codes: number[]): Promise<void>;
  /** Sends one raw helper command line and resolves with its `OK ...` answer (rejects on `ERR`). */
  command(line: string): Promise<string>;
  /** Stops the helper (closes its stdin, then kills it if it lingers). Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Returns the path of the compiled kafka-mock helper, compiling infra/kafka-mock/kafka-mock.c first when the
 * binary is missing or older than the source. Compiles to a temporary name and renames, so concurrent first
 * uses do not clash.
 */
export function ensureKafkaMockBuilt(): string {
  const sourceTime = statSync(HELPER_SOURCE).mtimeMs;
  if (existsSync(HELPER_BINARY) && statSync(HELPER_BINARY).mtimeMs >= sourceTime) return HELPER_BINARY;
  if (!existsSync(MOCK_HEADER)) {
    throw new Error(
      `kafka-mock needs ${MOCK_HEADER} (librdkafka's mock cluster): install librdkafka-dev: apt-get install -y librdkafka-dev`,
    );
  }
  mkdirSync(join(HELPER_DIR, 'bin'), { recursive: true });
  const temporary = `${HELPER_BINARY}.${process.pid}.${Date.now()}.tmp`;
  try {
    execFileSync('gcc', ['-O2', '-Wall', '-Wextra', '-o', temporary, HELPER_SOURCE, '-lrdkafka'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    renameSync(temporary, HELPER_BINARY);
  } catch (error) {
    rmSync(temporary, { force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    const missingCompiler = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new Error(
      missingCompiler
        ? 'cannot compile kafka-mock: gcc not found (apt-get install -y gcc librdkafka-dev)'
        : `cannot compile ${HELPER_SOURCE}: ${stderr || String(error)}`,
    );
  }
  return HELPER_BINARY;
}

/** Starts a local Kafka-protocol broker process (the kafka-mock helper) and waits for its bootstrap list. */
export async function startLocalKafkaBroker(
  options: LocalKafkaBrokerOptions = {},
): Promise<LocalKafkaBroker> {
  const brokers = options.brokers ?? 3;
  if (!Number.isInteger(brokers) || brokers < 1 || brokers > 64) {
    throw new Error(`brokers must be an integer in 1..64, got ${brokers}`);
  }
  const args = ['--brokers', String(brokers)];
  const topics = options.topics ?? [];
  if (topics.length > 0) {
    topics.forEach((topic) => assertTopicName(topic.name));
    args.push('--topics', topics.map((topic) => `${topic.name}:${topicPartitions(topic)}`).join(','));
  }
  const child = spawn(ensureKafkaMockBuilt(), args, { stdio: ['pipe', 'pipe', 'pipe'] });
  const broker = new HelperProcess(child);
  try {
    const bootstrap = await broker.waitForBootstrap(options.startTimeoutMs ?? 15_000);
    return broker.toLocalKafkaBroker(bootstrap.split(','));
  } catch (error) {
    await broker.stop();
    throw error;
  }
}

interface Pending {
  resolve(line: string): void;
  reject(error: Error): void;
}

/** Line protocol with one helper process: the first stdout line is BOOTSTRAP, then one answer per command. */
class HelperProcess {
  private stderr = '';
  private buffered = '';
  private bootstrap: Pending | undefined;
  private readonly pending: Pending[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private exited = false;
  private readonly exit: Promise<void>;

  constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => this.onStdout(chunk));
    child.stderr.on('data', (chunk: string) => {
      this.stderr = (this.stderr + chunk).slice(-STDERR_KEEP);
    });
    child.stdin.on('error', () => undefined); // EPIPE after the helper died is reported through 'exit'
    this.exit = new Promise((resolveExit) => {
      const onGone = (reason: string): void => {
        if (this.exited) return;
        this.exited = true;
        this.failAll(new Error(`kafka-mock ${reason}${this.stderrTail()}`));
        resolveExit();
      };
      child.on('error', (error) => onGone(`failed: ${error.message}`));
      child.on('exit', (code, signal) => onGone(`exited (code ${code}, signal ${signal})`));
    });
  }

  waitForBootstrap(timeoutMs: number): Promise<string> {
    return new Promise<string>((resolveStart, rejectStart) => {
      const timer = setTimeout(
        () => rejectStart(new Error(`kafka-mock did not start within ${timeoutMs} ms${this.stderrTail()}`)),
        timeoutMs,
      );
      this.bootstrap = {
        resolve: (line) => {
          clearTimeout(timer);
          resolveStart(line);
        },
        reject: (error) => {
          clearTimeout(timer);
          rejectStart(error);
        },
      };
    });
  }

  /** Sends one command after the previous one was answered; resolves with the OK line. */
  command(line: string): Promise<string> {
    if (/[\r\n]/.test(line)) return Promise.reject(new Error('kafka-mock command must be a single line'));
    const result = this.queue.then(
      () =>
        new Promise<string>((resolveCommand, rejectCommand) => {
          if (this.exited) {
            rejectCommand(new Error(`kafka-mock is not running${this.stderrTail()}`));
            return;
          }
          this.pending.push({
            resolve: (answer) =>
              answer === 'OK' || answer.startsWith('OK ')
                ? resolveCommand(answer)
                : rejectCommand(new Error(`kafka-mock "${line}": ${answer.replace(/^ERR\s*/, '')}`)),
            reject: rejectCommand,
          });
          this.child.stdin.write(`${line}\n`);
        }),
    );
    this.queue = result.catch(() => undefined);
    return result;
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      this.child.stdin.end(); // EOF: the helper destroys its cluster and exits 0
      const timer = setTimeout(() => this.child.kill('SIGKILL'), 5000);
      await this.exit;
      clearTimeout(timer);
    }
  }

  toLocalKafkaBroker(bootstrapServers: string[]): LocalKafkaBroker {
    const ok = async (line: string): Promise<void> => {
      await this.command(line);
    };
    return {
      bootstrapServers,
      createTopics: async (topics) => {
        for (const topic of topics) {
          assertTopicName(topic.name);
          await ok(`create ${topic.name} ${topicPartitions(topic)}`);
        }
      },
      setBrokerDown: async (id) => ok(`down ${brokerId(id)}`),
      setBrokerUp: async (id) => ok(`up ${brokerId(id)}`),
      pushRequestErrors: async (apiKey, count, codes) => {
        const ints = [apiKey, count, ...codes];
        if (codes.length === 0 || !ints.every(Number.isInteger)) {
          throw new Error('pushRequestErrors: apiKey, count and at least one code must be integers');
        }
        await ok(`errors ${ints.join(' ')}`);
      },
      command: (line) => this.command(line),
      stop: () => this.stop(),
    };
  }

  private onStdout(chunk: string): void {
    this.buffered += chunk;
    let newline: number;
    while ((newline = this.buffered.indexOf('\n')) >= 0) {
      const line = this.buffered.slice(0, newline).trim();
      this.buffered = this.buffered.slice(newline + 1);
      if (this.bootstrap) {
        const start = this.bootstrap;
        this.bootstrap = undefined;
        if (line.startsWith('BOOTSTRAP ')) start.resolve(line.slice('BOOTSTRAP '.length).trim());
        else start.reject(new Error(`kafka-mock printed "${line}" instead of BOOTSTRAP${this.stderrTail()}`));
      } else {
        this.pending.shift()?.resolve(line);
      }
    }
  }

  private failAll(error: Error): void {
    this.bootstrap?.reject(error);
    this.bootstrap = undefined;
    this.pending.splice(0).forEach((waiter) => waiter.reject(error));
  }

  private stderrTail(): string {
    const tail = this.stderr.trim();
    return tail ? `; stderr: ${tail}` : '';
  }
}

function brokerId(id: number): number {
  if (!Number.isInteger(id)) throw new Error(`broker id must be an integer, got ${id}`);
  return id;
}
