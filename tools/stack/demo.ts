import { DEV_CLIENT_SECRET, DEV_PASSWORD, DEV_USERS, requestClientToken } from '@care/auth';
import { TOPICS, deadLetterTopicOf } from '@care/contracts';
import { createPopulation, inboundClaimMessage, TopicProbe } from '@care/testing';
import { onShutdownSignal, startPlatformStack } from './platform-stack';

/**
 * `npm start`: the platform on embedded defaults, fed a seeded synthetic population through both intake paths
 * (half the households' claims over HTTP batches, half published to `claims-inbound` as a claims system would),
 * then left running with directions to look around. Ctrl-C stops it gracefully.
 * DEMO_HOUSEHOLDS (default 300) and DEMO_SEED (default 42) size and vary the population.
 */
const log = (line: string): void => {
  process.stdout.write(`[demo] ${line}\n`);
};

async function main(): Promise<void> {
  const households = Number(process.env['DEMO_HOUSEHOLDS'] ?? 300);
  const seed = Number(process.env['DEMO_SEED'] ?? 42);
  const stack = await startPlatformStack(log);
  let stopping = false;
  const stop = async (): Promise<void> => {
    // Ctrl-C reaches this process twice (from the terminal and from the launcher): one stop.
    if (stopping) return;
    stopping = true;
    log('stopping (finishing batches, flushing outboxes)');
    await stack.stop();
    process.exit(0);
  };
  onShutdownSignal(() => void stop());

  const intakeUrl = stack.env['CLAIMS_INTAKE_URL'] ?? 'http://127.0.0.1:3001';
  const probe = await TopicProbe.connect(stack.env['KAFKA_BROKERS']?.split(',') ?? []);
  const asOf = new Date(Date.now() - 24 * 3600 * 1000).toISOString().slice(0, 10);
  const population = createPopulation({ seed, households, asOf });
  log(`feeding ${households} households (seed ${seed}, claims up to ${asOf})`);

  const started = Date.now();
  let members = 0;
  let httpClaims = 0;
  let kafkaClaims = 0;
  // The demo feeds claims as a health plan's claims system would: a client-credentials token of a claims-system
  // client from the identity provider.
  const issuer = stack.env['OIDC_ISSUER'] ?? 'http://localhost:3090';
  const claimsToken = await requestClientToken({
    issuer,
    clientId: 'claims-feed',
    clientSecret: DEV_CLIENT_SECRET,
    scopes: ['claims:write', 'eligibility:write'],
  });
  const post = async (path: string, body: unknown): Promise<void> => {
    const response = await fetch(`${intakeUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${claimsToken}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    await response.arrayBuffer(); // read the body so the connection returns to the pool
  };
  for (const household of population.households()) {
    await post('/v1/members/batch', { members: household.members });
    members += household.members.length;
    if (household.index % 2 === 0) {
      for (let start = 0; start < household.claims.length; start += 1000) {
        await post('/v1/claims/batch', { claims: household.claims.slice(start, start + 1000) });
      }
      httpClaims += household.claims.length;
    } else {
      await probe.produce(
        TOPICS.claimsInbound.name,
        household.claims.map((claim) => inboundClaimMessage(claim)),
      );
      kafkaClaims += household.claims.length;
    }
  }
  const expected = httpClaims + kafkaClaims;
  const published = await probe.waitForCount(TOPICS.claimReceived.name, expected, 120000);
  const seconds = (Date.now() - started) / 1000;
  const deadLetters = await probe.count(deadLetterTopicOf(TOPICS.claimsInbound.name));
  const running = (name: string): boolean => stack.services.some((service) => service.name === name);
  const identified = running('condition-identification')
    ? await settledCount(probe, TOPICS.memberIdentified.name)
    : undefined;
  const gaps = running('care-gaps') ? await settledCount(probe, TOPICS.careGapDetected.name) : undefined;
  const surveys = running('survey-trigger')
    ? await settledCount(probe, TOPICS.surveyTriggered.name)
    : undefined;
  await probe.disconnect();
  const queues =
    stack.env['CASEWORK_URL'] !== undefined
      ? await caseworkQueues(stack.env['CASEWORK_URL'], issuer)
      : undefined;

  log(
    `${members} members, ${expected} claims (${httpClaims} over HTTP, ${kafkaClaims} on claims-inbound) in ${seconds.toFixed(1)} s`,
  );
  log(`claim-received now holds ${published} events; claims-inbound.dlq holds ${deadLetters}`);
  if (identified !== undefined) {
    log(
      `member-identified holds ${identified} identifications (GET /v1/members/{id}/conditions on condition-identification)`,
    );
  }
  if (gaps !== undefined) log(`care-gap-detected holds ${gaps} gaps (GET /v1/gaps?status=open on care-gaps)`);
  if (surveys !== undefined)
    log(`survey-triggered holds ${surveys} surveys (GET /v1/members/{id}/survey-visits on survey-trigger)`);
  if (queues !== undefined)
    log(`casework queues (GET /v1/queues/stats with a client-credentials token of care-ops): ${queues}`);
  log('where to look:');
  for (const service of stack.services) {
    if (service.kind === 'console') {
      const publicUrl = `http://localhost:${service.port}`;
      log(
        `  console: open ${publicUrl} in a browser and sign in as one of the seeded users (password ${DEV_PASSWORD}):`,
      );
      for (const user of DEV_USERS)
        log(
          `    ${user.username.padEnd(16)} ${user.roles.join(', ')}${user.queues.length > 0 ? ` (queues ${user.queues.join(', ')})` : ''}`,
        );
      continue;
    }
    if (service.kind === 'identity-provider') {
      log(
        `  ${service.name}: OpenID provider at ${service.url} (client credentials at /token; users and clients in services/dev-identity/README.md)`,
      );
      continue;
    }
    log(
      `  ${service.name}: ${service.url}/docs (OpenAPI), ${service.url}/metrics, ${service.url}/health/ready`,
    );
  }
  log(`  environment for tools: .stack/env (KAFKA_BROKERS=${stack.env['KAFKA_BROKERS'] ?? ''})`);
  log(`  service logs: .stack/logs/`);
  log('running; Ctrl-C to stop');
}

main().catch((error: unknown) => {
  process.stderr.write(`[demo] failed: ${error instanceof Error ? error.message : 'unknown error'}\n`);
  process.exit(1);
});

/**
 * Queue depths as the operations tooling sees them, through the same path any client takes: a client-credentials
 * token of the `care-ops` client (role ops, scope stats:read), then casework's API. A failure is shown, not fatal:
 * the demo's own figures are above.
 */
async function caseworkQueues(caseworkUrl: string, issuer: string): Promise<string> {
  try {
    const token = await requestClientToken({
      issuer,
      clientId: 'care-ops',
      clientSecret: DEV_CLIENT_SECRET,
      scopes: ['stats:read'],
    });
    const response = await fetch(`${caseworkUrl}/v1/queues/stats`, {
      headers: { authorization: `Bearer ${token}` },
    });
    if (!response.ok) return `not available (HTTP ${String(response.status)})`;
    const stats = (await response.json()) as {
      queues: Array<{ queue: string; depth: number; depthByPriority: Record<string, number> }>;
    };
    return stats.queues
      .map(
        (queue) =>
          `${queue.queue} ${String(queue.depth)} waiting (${String(queue.depthByPriority['urgent'] ?? 0)} urgent)`,
      )
      .join(', ');
  } catch (error) {
    return `not available (${error instanceof Error ? error.message : 'unknown error'})`;
  }
}

/** The topic's message count once it stopped growing for two seconds (downstream services catching up). */
async function settledCount(probe: TopicProbe, topic: string, timeoutMs = 60000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let last = -1;
  for (;;) {
    const count = await probe.count(topic);
    if ((count === last && count > 0) || Date.now() > deadline) return count;
    last = count;
    await new Promise((resolve) => setTimeout(resolve, 2000));
  }
}
