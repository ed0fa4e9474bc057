import { aValidProfessionalClaim, TOPICS, type ClaimSubmission } from '@care/contracts';
import { createTestEnvironment, inboundClaimMessage, type TestEnvironment } from '@care/testing';
import {
  startClaimsIntake,
  type RunningClaimsIntake,
} from '../../services/claims-intake/test/support/claims-intake-app';
import {
  listDeadLetters,
  OPS_AUDIT_TOPIC,
  OPS_REPLAY_LEDGER_TOPIC,
  OpsConnection,
  PHI_MASK,
  readLedger,
  replayDeadLetters,
  showDeadLetter,
} from '@care/messaging';

const INBOUND = TOPICS.claimsInbound.name;
const RECEIVED = TOPICS.claimReceived.name;

/**
 * A poison message dead-lettered by claims-intake (a conflicting resubmission of a claim), listed, inspected with
 * PHI masked, and replayed after an operator fixed its cause (removed the wrongly stored claim): applied exactly
 * once, and a second replay changes nothing.
 */
describe('dead letters and their replay', () => {
  let environment: TestEnvironment;
  let service: RunningClaimsIntake;
  let connection: OpsConnection;
  const wrong = aValidProfessionalClaim({ claimId: 'OPS-REPLAY-1', memberId: 'M-OPS-1' });
  const corrected: ClaimSubmission = { ...wrong, totalChargedAmount: wrong.totalChargedAmount + 100 };

  beforeAll(async () => {
    environment = await createTestEnvironment();
    await environment.faults.createTopics([
      { name: `${environment.prefix}${OPS_REPLAY_LEDGER_TOPIC}`, partitions: 1 },
      { name: `${environment.prefix}${OPS_AUDIT_TOPIC}`, partitions: 1 },
    ]);
    service = await startClaimsIntake(environment);
    connection = await OpsConnection.connect({ brokers: environment.brokers, prefix: environment.prefix });
  });

  afterAll(async () => {
    await connection.disconnect();
    await service.close();
    await environment.dispose();
  });

  const storedCharges = async (): Promise<number[]> =>
    (
      await service.dataSource.query<Array<{ total: string }>>(
        "SELECT total_charged::text AS total FROM claims WHERE claim_id = 'OPS-REPLAY-1'",
      )
    ).map((row) => Number(row.total));
  const receivedCharges = async (): Promise<number[]> =>
    (await environment.probe.readAll(RECEIVED))
      .map((message) => JSON.parse(message.value ?? '{}') as { data: { claim: ClaimSubmission } })
      .filter((event) => event.data.claim.claimId === 'OPS-REPLAY-1')
      .map((event) => event.data.claim.totalChargedAmount);
  const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 1500));

  it('lists a dead-lettered conflicting claim with its reason, source and consumer group', async () => {
    await environment.probe.produce(INBOUND, [inboundClaimMessage(wrong)]);
    await environment.probe.waitForCount(RECEIVED, 1);
    await environment.probe.produce(INBOUND, [inboundClaimMessage(corrected)]);
    await environment.probe.waitForCount(`${INBOUND}.dlq`, 1);

    const deadLetters = await listDeadLetters(connection, INBOUND);

    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({
      topic: `${INBOUND}.dlq`,
      errorCode: 'claim-conflict',
      error: 'claim OPS-REPLAY-1 version 1 was already received with different content',
      sourceTopic: `${environment.prefix}${INBOUND}`,
      sourceOffset: '1',
      consumerGroup: `${environment.prefix}claims-intake.claims-inbound`,
      eventType: INBOUND,
    });
    expect(Date.parse(deadLetters[0]?.failedAt ?? '')).not.toBeNaN();
  });

  it('shows the payload with PHI masked and ids visible, and reveals it only with an audited reason', async () => {
    const [deadLetter] = await listDeadLetters(connection, INBOUND);
    const position = { partition: deadLetter?.partition ?? -1, offset: deadLetter?.offset ?? '' };

    const masked = await showDeadLetter(connection, INBOUND, position);
    const revealed = await showDeadLetter(connection, INBOUND, {
      ...position,
      reveal: { operator: 'ops-spec', reason: 'INC-42 conflicting claim' },
    });

    const maskedClaim = (masked.payload as { data: Record<string, unknown> }).data;
    expect(maskedClaim['claimId']).toBe('OPS-REPLAY-1');
    expect(maskedClaim['memberId']).toBe('M-OPS-1');
    expect(maskedClaim['lines']).toBe(PHI_MASK);
    expect(maskedClaim['diagnoses']).toBe(PHI_MASK);
    expect(masked.revealed).toBe(false);
    expect((revealed.payload as { data: ClaimSubmission }).data).toEqual(
      expect.objectContaining({ lines: corrected.lines, totalChargedAmount: corrected.totalChargedAmount }),
    );
    const audit = (await environment.probe.readAll(OPS_AUDIT_TOPIC)).map(
      (message) => JSON.parse(message.value ?? '{}') as Record<string, unknown>,
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'dlq-reveal',
        operator: 'ops-spec',
        reason: 'INC-42 conflicting claim',
        topic: `${environment.prefix}${INBOUND}.dlq`,
        partition: position.partition,
        offset: position.offset,
      }),
    ]);
    await expect(
      showDeadLetter(connection, INBOUND, { ...position, reveal: { operator: 'ops-spec', reason: ' ' } }),
    ).rejects.toThrow('reason');
  });

  it('a dry run republishes nothing', async () => {
    const inboundBefore = await environment.probe.count(INBOUND);

    const report = await replayDeadLetters(connection, INBOUND, {
      select: 'all',
      dryRun: true,
      operator: 'ops-spec',
    });

    expect(report.items.map((item) => item.outcome)).toEqual(['would-replay']);
    expect(await environment.probe.count(INBOUND)).toBe(inboundBefore);
  });

  it('after the cause is fixed, a replay makes the consumer apply the dead letter exactly once', async () => {
    expect(await storedCharges()).toEqual([wrong.totalChargedAmount]);
    // the fix: the operator removes the wrongly stored claim, so the corrected one is no longer a conflict
    await service.dataSource.transaction(async (manager) => {
      for (const table of ['claim_lines', 'claim_diagnoses', 'claims'])
        await manager.query(`DELETE FROM ${table} WHERE claim_id = $1`, ['OPS-REPLAY-1']);
    });
    const [deadLetter] = await listDeadLetters(connection, INBOUND);

    const report = await replayDeadLetters(connection, INBOUND, {
      select: [{ partition: deadLetter?.partition ?? -1, offset: deadLetter?.offset ?? '' }],
      operator: 'ops-spec',
      ratePerSecond: 10,
    });
    await environment.probe.waitForCount(RECEIVED, 2);
    await settle();

    const replayOf = `${environment.prefix}${INBOUND}.dlq/${deadLetter?.partition}/${deadLetter?.offset}`;
    expect(report.items).toEqual([
      expect.objectContaining({
        replayOf,
        outcome: 'replayed',
        sourceTopic: `${environment.prefix}${INBOUND}`,
      }),
    ]);
    const republished = (await environment.probe.readAll(INBOUND)).filter(
      (message) => message.headers['replay-of'] === replayOf,
    );
    expect(republished).toHaveLength(1);
    expect(Object.keys(republished[0]?.headers ?? {}).filter((name) => name.startsWith('dlq-'))).toEqual([]);
    expect(republished[0]?.offset).toBe(report.items[0]?.newOffset);
    expect(await storedCharges()).toEqual([corrected.totalChargedAmount]);
    expect(await receivedCharges()).toEqual([wrong.totalChargedAmount, corrected.totalChargedAmount]);
    expect((await readLedger(connection)).get(replayOf)).toMatchObject({
      operator: 'ops-spec',
      newOffset: report.items[0]?.newOffset,
    });
    expect(await environment.probe.count(`${INBOUND}.dlq`)).toBe(1);
  });

  it('a second replay republishes nothing and changes nothing', async () => {
    const inboundBefore = await environment.probe.count(INBOUND);
    const receivedBefore = await environment.probe.count(RECEIVED);

    const report = await replayDeadLetters(connection, INBOUND, { select: 'all', operator: 'ops-spec' });
    await settle();

    expect(report.items.map((item) => item.outcome)).toEqual(['already-replayed']);
    expect(await environment.probe.count(INBOUND)).toBe(inboundBefore);
    expect(await environment.probe.count(RECEIVED)).toBe(receivedBefore);
    expect(await storedCharges()).toEqual([corrected.totalChargedAmount]);
  });
});
