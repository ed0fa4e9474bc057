import { join } from 'node:path';
import {
  aValidInstitutionalClaim,
  aValidProfessionalClaim,
  deadLetterTopicOf,
  TOPICS,
  type ClaimSubmission,
} from '@care/contracts';
import { OPS_AUDIT_TOPIC, OpsConnection } from '@care/messaging';
import { inboundClaimMessage } from '@care/testing';
import { Client } from 'pg';
import type { Page } from 'playwright-core';
import { seriousAccessibilityViolations } from './browser';
import { apiCall, SCREENSHOTS, signIn, until, type ConsoleStack } from './console-stack';

const INBOUND = TOPICS.claimsInbound.name;
const INBOUND_DLQ = deadLetterTopicOf(INBOUND);
const RECEIVED = TOPICS.claimReceived.name;

/**
 * The console's ops pages against the whole platform (every service its own process, the run's broker and
 * PostgreSQL, the development identity provider) in Debian's Chromium: topics and lag, a topic's dead letters, one
 * dead letter masked and revealed with an audited reason, and a replay that makes claims-intake accept the claim.
 */
export function opsJourneys(get: () => ConsoleStack): void {
  // A claim stored first, then sent again with other content: claims-intake dead-letters it as a conflict. The
  // diagnosis code is what the masking must hide.
  const stored = aValidProfessionalClaim({
    claimId: 'OPS-CONFLICT-1',
    memberId: 'M-OPS-1',
    diagnoses: [{ code: 'F32.9' }],
  });
  const corrected: ClaimSubmission = { ...stored, totalChargedAmount: stored.totalChargedAmount + 100 };
  const invalid = { ...aValidInstitutionalClaim({ claimId: 'OPS-INVALID-1' }), typeOfBill: undefined };
  let stalledGroup: string;

  const receivedCharges = async (): Promise<number[]> =>
    (await get().environment.probe.readAll(RECEIVED))
      .map((message) => JSON.parse(message.value ?? '{}') as { data: { claim: ClaimSubmission } })
      .filter((event) => event.data.claim.claimId === stored.claimId)
      .map((event) => event.data.claim.totalChargedAmount);

  beforeAll(async () => {
    const { environment } = get();
    stalledGroup = `${environment.prefix}ops-spec.stalled-reader`;
    await get().environment.probe.produce(INBOUND, [inboundClaimMessage(stored)]);
    await until(async () => (await receivedCharges()).length === 1, 60_000);
    await get().environment.probe.produce(INBOUND, [
      inboundClaimMessage(corrected),
      inboundClaimMessage(invalid),
    ]);
    expect(await get().environment.probe.waitForCount(INBOUND_DLQ, 2, 60_000)).toBe(2);
    // A consumer group that committed the beginning of claims-inbound and reads no further: it lags by all three.
    await get().environment.probe.rewindGroup(stalledGroup, INBOUND);
  }, 120_000);

  const subjectOf = (page: Page): Promise<string> =>
    page.evaluate(
      async () =>
        ((await (await fetch('/api/session')).json()) as { user: { subject: string } }).user.subject,
    );

  it('an ops user sees the topics with partitions, end offsets and rates, and consumer lag over time', async () => {
    const page = await signIn(get(), 'ops-eli', '/ops');
    await page.getByRole('heading', { level: 1, name: 'Operations' }).waitFor();
    const inbound = page.getByRole('row', { name: new RegExp(`^${INBOUND} `) });
    await inbound.waitFor();
    // The partitions the broker holds (the test broker's topics have fewer than the catalog's, which the page
    // says), the three messages written, and the two dead letters, linked.
    const connection = await OpsConnection.connect({
      brokers: get().environment.brokers,
      prefix: get().environment.prefix,
    });
    const partitions = (await connection.topicOffsets(`${get().environment.prefix}${INBOUND}`)).length;
    await connection.disconnect();
    const cells = inbound.getByRole('cell');
    await expect(cells.nth(1).textContent()).resolves.toBe(
      partitions === TOPICS.claimsInbound.partitions
        ? String(partitions)
        : `${partitions} (catalog: ${TOPICS.claimsInbound.partitions})`,
    );
    await expect(cells.nth(2).textContent()).resolves.toBe('3');
    await inbound.getByRole('link', { name: `2 dead letters of ${INBOUND}` }).waitFor();
    // A rate shows from the second sample on (every 2 s here), and the chart has as many points as samples.
    await until(async () => (await cells.nth(3).textContent()) !== '—', 30_000);
    await until(
      async () =>
        /\((?:[2-9]|\d\d+) samples/.test((await page.locator('figure figcaption').textContent()) ?? ''),
      30_000,
    );
    // The stalled group lags by the three messages, in the table, the partitions that lag and the chart; the
    // services' own groups are caught up.
    await page.getByRole('img', { name: new RegExp(`^Consumer lag: .*, ${stalledGroup} 3(,|$)`) }).waitFor();
    const groups = page.getByRole('table', { name: 'Lag per consumer group' });
    await expect(
      groups.getByRole('row', { name: stalledGroup }).getByRole('cell').textContent(),
    ).resolves.toBe('3');
    await expect(
      groups
        .getByRole('row', { name: `${get().environment.prefix}claims-intake.claims-inbound` })
        .getByRole('cell')
        .textContent(),
    ).resolves.toBe('0');
    const lagging = page
      .getByRole('table', { name: 'Partitions that lag' })
      .getByRole('row', { name: stalledGroup });
    const lags = await lagging.evaluateAll((rows) =>
      rows.map((row) => Number(row.lastElementChild?.textContent)),
    );
    expect(lags.reduce((sum, lag) => sum + lag, 0)).toBe(3);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'ops-topics.png'), fullPage: true });
    await page.context().close();
  });

  it('lists a topic dead letters and shows one with PHI masked, revealed only with an audited reason', async () => {
    const page = await signIn(get(), 'ops-eli', '/ops');
    // By keyboard: the dead-letter link of claims-inbound, then Enter.
    await page.getByRole('link', { name: `2 dead letters of ${INBOUND}` }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: `Dead letters of ${INBOUND}` }).waitFor();
    const conflict = page.getByRole('row', { name: /claim-conflict/ });
    await expect(conflict.textContent()).resolves.toContain(
      `claim ${stored.claimId} version 1 was already received with different content`,
    );
    await expect(conflict.textContent()).resolves.toContain(`${get().environment.prefix}${INBOUND}/`);
    await expect(page.getByRole('row', { name: /invalid-payload/ }).textContent()).resolves.toContain(
      'typeOfBill',
    );
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'ops-dead-letters.png'), fullPage: true });

    await conflict.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: /^Dead letter \d+:\d+ of / }).waitFor();
    const payload = page.getByLabel('Payload', { exact: true });
    await expect(payload.textContent()).resolves.toContain(stored.memberId);
    await expect(payload.textContent()).resolves.toContain('"diagnoses": "***"');
    await expect(payload.textContent()).resolves.not.toContain('F32.9');
    const reveal = page.getByRole('button', { name: 'Reveal PHI' });
    await expect(reveal.isDisabled()).resolves.toBe(true);
    // The API refuses a reveal without a reason too.
    const [, , partition, offset] = new URL(page.url()).pathname.split('/').slice(-4);
    expect(
      await apiCall(page, 'POST', `/ops/dead-letters/${INBOUND}/${partition}/${offset}/reveal`, {
        reason: ' ',
      }),
    ).toBe(400);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'ops-dead-letter.png'), fullPage: true });

    await page.getByLabel('Reason for revealing PHI (audited)').focus();
    await page.keyboard.type('INC-19 conflicting resubmission');
    await page.keyboard.press('Enter');
    await page.getByRole('alert').filter({ hasText: 'Protected health information is shown' }).waitFor();
    await expect(payload.textContent()).resolves.toContain('F32.9');
    const subject = await subjectOf(page);
    const audit = (await get().environment.probe.readAll(OPS_AUDIT_TOPIC)).map(
      (message) => JSON.parse(message.value ?? '{}') as Record<string, unknown>,
    );
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'dlq-reveal',
        operator: subject,
        reason: 'INC-19 conflicting resubmission',
        topic: `${get().environment.prefix}${INBOUND_DLQ}`,
        partition: Number(partition),
        offset,
      }),
    ]);
    await page.context().close();
  });

  it('an ops user replays a dead letter: a dry run publishes nothing, the replay reaches claim-received once', async () => {
    const page = await signIn(get(), 'ops-eli', `/ops/dead-letters/${INBOUND}`);
    const inboundBefore = await get().environment.probe.count(INBOUND);
    await page.getByRole('button', { name: 'Replay all: dry run' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Dry run' }).textContent()).resolves.toContain(
      '2 would be replayed',
    );
    expect(await get().environment.probe.count(INBOUND)).toBe(inboundBefore);

    // The cause fixed: the wrongly stored claim removed, so the corrected one is no longer a conflict.
    const database = new Client({ connectionString: get().environment.databaseUrl });
    await database.connect();
    try {
      for (const table of ['claim_lines', 'claim_diagnoses', 'claims'])
        await database.query(`DELETE FROM claims_intake.${table} WHERE claim_id = $1`, [stored.claimId]);
    } finally {
      await database.end();
    }

    await page
      .getByRole('row', { name: /claim-conflict/ })
      .getByRole('link')
      .click();
    await page.getByRole('heading', { level: 1, name: /^Dead letter / }).waitFor();
    const form = page.getByRole('form', { name: 'Replay this dead letter' });
    // By keyboard: Space clears the dry run, Enter on the button replays.
    await form.getByRole('checkbox', { name: /Dry run/ }).focus();
    await page.keyboard.press('Space');
    await expect(form.getByRole('checkbox', { name: /Dry run/ }).isChecked()).resolves.toBe(false);
    await form.getByRole('button', { name: 'Replay this dead letter' }).press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Replayed' }).textContent()).resolves.toContain(
      'Replayed 1;',
    );
    await until(async () => (await receivedCharges()).length === 2, 60_000);
    expect(await receivedCharges()).toEqual([stored.totalChargedAmount, corrected.totalChargedAmount]);
    expect(await get().environment.probe.count(INBOUND)).toBe(inboundBefore + 1);

    // A second replay republishes nothing: the ledger has it.
    await form.getByRole('button', { name: 'Replay this dead letter' }).click();
    await page.getByRole('cell', { name: 'already replayed (skipped)' }).waitFor();
    expect(await get().environment.probe.count(INBOUND)).toBe(inboundBefore + 1);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('a user without the ops role reaches neither the ops pages nor their API', async () => {
    const page = await signIn(get(), 'coach-ana', '/ops');
    await page.getByRole('heading', { name: 'No access' }).waitFor();
    expect(await apiCall(page, 'GET', '/ops/topics')).toBe(403);
    expect(await apiCall(page, 'GET', `/ops/dead-letters/${INBOUND}`)).toBe(403);
    expect(
      await apiCall(page, 'POST', `/ops/dead-letters/${INBOUND}/replay`, { all: true, dryRun: true }),
    ).toBe(403);
    await page.goto(`${get().consoleUrl}/ops/dead-letters/${INBOUND}/0/0`);
    await page.getByRole('heading', { name: 'No access' }).waitFor();
    expect((await fetch(`${get().consoleUrl}/api/ops/topics`)).status).toBe(401);
    await page.context().close();
  });
}
