import { join } from 'node:path';
import { DEV_CLIENT_SECRET, requestClientToken } from '@care/auth';
import { aValidMember } from '@care/contracts';
import { daysAgo, officeVisit } from '@care/testing';
import { seriousAccessibilityViolations } from './browser';
import { apiCall, apiJson, choose, SCREENSHOTS, signIn, until, type ConsoleStack } from './console-stack';

/**
 * The console as coaches, advocates and supervisors meet it, signing in through the identity provider's own login
 * form. Claims sent here become the condition, the gap and the tasks the coach sees.
 */
export function workJourneys(get: () => ConsoleStack): void {
  const memberId = 'CON-DM-1';

  const post = async (path: string, body: unknown): Promise<void> => {
    const { env } = get().stack;
    const token = await requestClientToken({
      issuer: env['OIDC_ISSUER'] ?? '',
      clientId: 'claims-feed',
      clientSecret: DEV_CLIENT_SECRET,
      scopes: ['claims:write', 'eligibility:write'],
    });
    const response = await fetch(`${env['CLAIMS_INTAKE_URL'] ?? ''}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  };

  beforeAll(async () => {
    // A member with diabetes on two office visits: identified, an HbA1c gap, a welcome and a gap task for coaches.
    await post('/v1/members/batch', {
      members: [
        aValidMember({
          memberId,
          subscriberId: memberId,
          sex: 'female',
          birthDate: '1968-03-02',
          firstName: 'Rosa',
          lastName: 'Example',
        }),
        aValidMember({
          memberId: `${memberId}-S`,
          subscriberId: memberId,
          relationship: 'spouse',
          sex: 'male',
          birthDate: '1966-09-12',
          firstName: 'Tomas',
          lastName: 'Example',
        }),
      ],
    });
    await post('/v1/claims/batch', {
      claims: [
        officeVisit({ claimId: `${memberId}-V1`, memberId, date: daysAgo(100), codes: ['E11.9'] }),
        officeVisit({ claimId: `${memberId}-V2`, memberId, date: daysAgo(30), codes: ['E11.9'] }),
      ],
    });
  }, 60_000);

  it('a coach signs in, takes the next task and sees the condition and the gap the claims made', async () => {
    const page = await signIn(get(), 'coach-ana', '/work');
    await page.getByRole('heading', { name: 'My work' }).waitFor();
    // The welcome and gap tasks arrive once claims have gone through identification and care-gaps.
    const next = page.getByRole('button', { name: 'Next task from coaching' });
    await until(async () => {
      await page.reload();
      return next.isEnabled();
    }, 90_000);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'my-work.png') });

    await next.click();
    await page.waitForURL(new RegExp(`/members/${memberId}\\?task=`));
    await page.getByRole('heading', { level: 1, name: /Rosa Example/ }).waitFor();
    // Each task says why it exists: the condition identified, the gap found (from the task's details).
    const tasks = page.getByRole('region', { name: 'Tasks' });
    await expect(
      tasks.getByRole('listitem').filter({ hasText: 'Newly identified condition' }).first().textContent(),
    ).resolves.toContain('— identified: Diabetes');
    await expect(
      tasks
        .getByRole('listitem')
        .filter({
          hasText: 'Care gap: outreach — gap: Diabetes: HbA1c testing (recommended care not received)',
        })
        .count(),
    ).resolves.toBe(1);
    const conditions = page.getByRole('region', { name: 'Identified conditions' });
    await expect(conditions.getByRole('rowheader').first().textContent()).resolves.toMatch(/diabetes/i);
    await expect(conditions.textContent()).resolves.toContain(`${memberId}-V1`);
    const gaps = page.getByRole('region', { name: 'Care gaps' });
    await expect(gaps.textContent()).resolves.toContain('diabetes-hba1c-testing');
    await expect(gaps.getByRole('cell', { name: 'open', exact: true }).count()).resolves.toBeGreaterThan(0);
    // Why the HbA1c testing gap is open, in words, and what closes it, from the rule.
    const hba1cTesting = gaps.getByRole('row', { name: /diabetes-hba1c-testing/ });
    await expect(hba1cTesting.getByRole('cell').nth(1).textContent()).resolves.toBe(
      'recommended care not received',
    );
    await expect(hba1cTesting.textContent()).resolves.toContain('hba1c test');

    // A note on the task taken, shown with the task once written.
    // The panel of the task taken is open (the others are closed).
    await tasks
      .getByLabel('Note')
      .filter({ visible: true })
      .fill('Left a voicemail; will call again Thursday.');
    await tasks.getByRole('button', { name: 'Add note' }).filter({ visible: true }).click();
    await tasks
      .getByRole('list', { name: 'Notes' })
      .getByText('Left a voicemail; will call again Thursday.')
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'member-view.png'), fullPage: true });

    // On My work, the task held says why it exists too.
    await page.goto(`${get().consoleUrl}/work`);
    await expect(
      page.getByRole('region', { name: 'Tasks I hold' }).getByRole('link').first().textContent(),
    ).resolves.toMatch(/— (identified: Diabetes|gap: Diabetes: HbA1c testing)/);
    await page.context().close();
  });

  it('a coach records a PHQ-9 with a self-harm answer and the urgent task heads the queue', async () => {
    const page = await signIn(get(), 'coach-ben', `/members/${memberId}`);
    const form = page.getByRole('form', { name: /PHQ-9/ });
    // Sending with items unanswered is refused in the page, naming them.
    await form.getByRole('button', { name: /Score and save/ }).click();
    await expect(form.getByRole('alert').textContent()).resolves.toContain('items 1, 2, 3, 4, 5, 6, 7, 8, 9');
    for (let item = 1; item <= 9; item += 1) {
      const group = form.getByRole('radiogroup', { name: new RegExp(`^${item}\\. `) });
      await group.locator('label', { hasText: /^Not at all/ }).click();
    }
    // By keyboard: item 9's group has focus on its chosen answer, and the arrow key moves the answer on.
    const item9 = form.getByRole('radiogroup', { name: /^9\. / });
    await item9.getByRole('radio', { name: /^Not at all/ }).focus();
    await page.keyboard.press('ArrowDown');
    await expect(item9.getByRole('radio', { name: /^Several days/ }).isChecked()).resolves.toBe(true);
    await form.getByRole('button', { name: /Score and save/ }).press('Enter');
    // The answer shows at once: the result, or the error the service gave.
    const answer = page.locator('.result, .screening [role="alert"].error').first();
    await answer.waitFor();
    await expect(answer.textContent()).resolves.toContain('Self-harm answer: an urgent follow-up task');
    await expect(
      page.getByRole('status').filter({ hasText: 'Result: total' }).textContent(),
    ).resolves.toContain('total 1');
    // The trend chart shows the new total (loaded with the first chart).
    const trend = page.getByRole('img', { name: /^PHQ-9 totals/ });
    await trend.waitFor();
    await expect(trend.getAttribute('aria-label')).resolves.toMatch(/^PHQ-9 totals: \d{4}-\d{2}-\d{2} 1$/);
    await page.screenshot({ path: join(SCREENSHOTS, 'phq9-urgent.png'), fullPage: true });

    await page.goto(`${get().consoleUrl}/work`);
    const coaching = page.getByRole('row', { name: /^coaching/ });
    // One urgent task waits (the coaching row's Urgent column).
    await until(async () => {
      await page.reload();
      return (await coaching.getByRole('cell').nth(1).textContent()) === '1';
    }, 60_000);
    await page.getByRole('button', { name: 'Next task from coaching' }).click();
    await page.waitForURL(new RegExp(`/members/${memberId}\\?task=`));
    // The task handed out is this screening's urgent follow-up, not merely some task at the head of the queue.
    const taken = new URL(page.url()).searchParams.get('task') ?? '';
    const task = await apiJson(page, `/tasks/${taken}`);
    expect(task).toMatchObject({
      status: 200,
      body: {
        kind: 'screening-follow-up',
        priority: 'urgent',
        memberId,
        details: { instrument: 'phq-9', total: 1, safetyFlag: true },
      },
    });
    const held = page
      .getByRole('region', { name: 'Tasks' })
      .getByRole('listitem')
      .filter({ hasText: 'held by you' })
      .filter({ hasText: 'Positive screening' });
    // The member view draws once its one request answers.
    await held.waitFor();
    await expect(held.getByText('urgent', { exact: true }).count()).resolves.toBe(1);
    await expect(held.textContent()).resolves.toMatch(/— PHQ-9: total 1, .*self-harm answer/);
    await expect(
      page.getByRole('alert').filter({ hasText: 'Urgent' }).first().textContent(),
    ).resolves.toContain('Positive screening: follow-up — PHQ-9: total 1');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();

    // A provider's user may not administer a screening: no form, "No access", and the console's API refuses it.
    const provider = await signIn(get(), 'provider-pia', `/members/${memberId}`);
    await provider.getByRole('heading', { name: 'No access' }).waitFor();
    await expect(provider.getByRole('form', { name: /PHQ-9/ }).count()).resolves.toBe(0);
    expect(
      await apiCall(provider, 'POST', '/screenings', {
        screeningId: '7d9f3c1e-0c8e-4b8a-9a51-3f0d2f7a1b11',
        memberId,
        instrument: 'phq-9',
        answers: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0, 6: 0, 7: 0, 8: 0, 9: 1 },
        completedAt: new Date().toISOString(),
      }),
    ).toBe(403);
    await provider.context().close();
  });

  it('a coach administers AUDIT-C, completes a task with an outcome, snoozes another and enrolls the member, by keyboard', async () => {
    const page = await signIn(get(), 'coach-ana', `/members/${memberId}`);
    const heldTasks = (await apiJson(page, '/queues/mine/tasks')).body as Array<{
      taskId: string;
      memberId: string;
    }>;
    const held = heldTasks.find((task) => task.memberId === memberId);
    if (held === undefined) throw new Error(`coach-ana holds no task of ${memberId}`);

    // AUDIT-C: the instrument chosen by arrow key, every item answered, sent with Enter, the result shown at once.
    await page.getByRole('radio', { name: 'PHQ-9', exact: true }).focus();
    await page.keyboard.press('ArrowRight');
    const audit = page.getByRole('form', { name: /AUDIT-C/ });
    await audit.waitFor();
    await audit
      .getByRole('radiogroup', { name: /^1\. / })
      .getByRole('radio', { name: /^2 to 3 times a week/ })
      .focus();
    await page.keyboard.press('Space');
    await audit
      .getByRole('radiogroup', { name: /^2\. / })
      .locator('label', { hasText: /^3 or 4/ })
      .click();
    await audit
      .getByRole('radiogroup', { name: /^3\. / })
      .locator('label', { hasText: /^Less than monthly/ })
      .click();
    await audit.getByRole('button', { name: 'Score and save AUDIT-C' }).press('Enter');
    const result = page.getByRole('status').filter({ hasText: 'Result: total' });
    await result.waitFor();
    await expect(result.textContent()).resolves.toMatch(/Result: total 5,.* positive/);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The task held since the first journey, completed with an outcome: the panel opened and the outcome picked by
    // keyboard (typing selects the outcome that starts so).
    const tasks = page.getByRole('region', { name: 'Tasks' });
    const mine = tasks
      .getByRole('listitem')
      .filter({ hasText: 'held by you' })
      .filter({ hasText: /outreach/ });
    await mine.getByText('Work this task').focus();
    await page.keyboard.press('Enter');
    await mine.getByRole('button', { name: /Choose an outcome/ }).focus();
    await page.keyboard.type('unable');
    await mine.getByRole('button', { name: /unable-to-reach/ }).waitFor();
    await mine.getByRole('button', { name: 'Complete task' }).press('Enter');
    await until(
      async () =>
        ((await apiJson(page, `/tasks/${held.taskId}`)).body as { status?: string } | null)?.status ===
        'completed',
      15_000,
    );
    await expect(apiJson(page, `/tasks/${held.taskId}`)).resolves.toMatchObject({
      body: { status: 'completed', outcome: 'unable-to-reach', assignee: 'coach-ana' },
    });
    // Its note stays on the member view, with the task closed (casework's notes across every task of the member).
    await page
      .getByRole('region', { name: 'Notes', exact: true })
      .getByRole('listitem')
      .filter({ hasText: 'Left a voicemail; will call again Thursday.' })
      .filter({ hasText: '(completed)' })
      .waitFor();

    // Another outreach task, snoozed until tomorrow with a reason, sent with Enter from the reason field.
    const waiting = await tasks
      .getByRole('listitem')
      .filter({ hasText: /Newly identified condition|Care gap: outreach/ })
      .filter({ hasNotText: 'held by' })
      .first()
      .textContent();
    const reason = /— ([^;]+);/.exec(waiting ?? '')?.[1];
    if (reason === undefined) throw new Error(`no reason on the task: ${waiting ?? ''}`);
    const other = tasks.getByRole('listitem').filter({ hasText: `— ${reason};` });
    await other.getByText('Work this task').focus();
    await page.keyboard.press('Enter');
    const tomorrow = new Date(Date.now() + 86_400_000);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000)
      .toISOString()
      .slice(0, 16);
    await other.getByLabel('Snooze until').fill(local);
    await other.getByLabel('Reason').fill('Member asked for a call tomorrow');
    await other.getByLabel('Reason').press('Enter');
    await other.filter({ hasText: /; snoozed/ }).waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);

    // The AUDIT-C follow-up arrives in the coaching queue and says why it exists.
    const followUp = tasks.getByRole('listitem').filter({ hasText: 'AUDIT-C' });
    await until(async () => {
      await page.reload();
      // The member view is drawn once its one request answers (the other tasks are listed by then).
      await tasks.getByRole('listitem').first().waitFor();
      return (await followUp.count()) === 1;
    }, 60_000);
    await expect(followUp.textContent()).resolves.toContain(
      'Positive screening: follow-up — AUDIT-C: total 5',
    );

    // Enrolled in the care program, by keyboard.
    const enrollment = page.getByRole('region', { name: 'Program enrollment' });
    await enrollment.getByRole('button', { name: 'Enroll in care program' }).press('Enter');
    await enrollment
      .getByRole('listitem')
      .filter({ hasText: /chronic-condition-management: enrolled/ })
      .waitFor();
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'member-actions.png'), fullPage: true });
    await page.context().close();
  });

  it('an advocate opens a case for the spouse, whom the roster makes eligible, and moves it on', async () => {
    // Rosa calls: the advocate finds her by last name (any case) and birth date, and opens her member view.
    const page = await signIn(get(), 'advocate-cruz', '/work');
    const find = page.getByRole('form', { name: 'Find a member' });
    await find.getByLabel('Last name').fill('example');
    await find.getByLabel(/Birth date/).fill('1968-03-02');
    await find.getByRole('button', { name: 'Find' }).click();
    const found = page.getByRole('list', { name: 'Members found' });
    await found.waitFor();
    await expect(found.getByRole('listitem').allTextContents()).resolves.toEqual([
      `Rosa Example, born 1968-03-02, subscriber, member ${memberId}`,
    ]);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await found.getByRole('link', { name: 'Rosa Example' }).click();
    await page.waitForURL(new RegExp(`/members/${memberId}$`));
    const form = page.getByRole('form', { name: 'Open an advocacy case' });
    await form.waitFor();
    await choose(page, form.getByRole('button', { name: /Person helped/ }), /Tomas Example \(spouse\)/);
    // By keyboard: the service picker takes focus and typing selects the service whose name starts so.
    const service = form.getByRole('button', { name: /Choose service/ });
    await service.focus();
    await page.keyboard.type('Eldercare');
    await expect(form.getByRole('button', { name: /Eldercare facilities/ }).count()).resolves.toBe(1);
    await form.getByLabel(/The request/).fill('Looking for an adult day care near home for his mother.');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Open case' }).click();

    await page.waitForURL(/\/cases\/C-/);
    await page.getByRole('heading', { level: 1, name: /open/ }).waitFor();
    await expect(page.getByText(`For member ${memberId}-S (spouse)`).count()).resolves.toBe(1);
    const history = page.getByRole('region', { name: 'Status history' });
    await expect(history.getByRole('cell').nth(1).textContent()).resolves.toBe('open');
    // The next step, by keyboard: the status picker, then the reason.
    await choose(page, history.getByRole('button', { name: /Next status/ }), /^in-progress$/);
    await history.getByLabel('Reason').fill('Called the member back; gathering options.');
    await history.getByRole('button', { name: 'Change status' }).click();
    await page.getByRole('heading', { level: 1, name: /in-progress/ }).waitFor();
    await expect(history.getByRole('row').count()).resolves.toBe(3);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'advocacy-case.png'), fullPage: true });
    await page.context().close();

    // A provider's user has no advocacy role: neither the page nor the API.
    const provider = await signIn(get(), 'provider-pia', '/cases/C-none');
    await provider.getByRole('heading', { name: 'No access' }).waitFor();
    expect(
      await provider.evaluate(async () => {
        const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
        const response = await fetch('/api/cases', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
          body: JSON.stringify({
            memberId: 'CON-DM-1',
            serviceId: 'find-provider',
            channel: 'phone',
            summary: 'x',
          }),
        });
        return response.status;
      }),
    ).toBe(403);
    await provider.context().close();
  });

  it('an advocate opens a bill negotiation for a non-covered bill over $400 and records it with the sign-off', async () => {
    const page = await signIn(get(), 'advocate-cruz', `/members/${memberId}`);
    const form = page.getByRole('form', { name: 'Open an advocacy case' });
    await form.waitFor();
    await form.getByRole('button', { name: /Choose service/ }).focus();
    await page.keyboard.type('Negotiate');
    await expect(form.getByRole('button', { name: /Negotiate a discount/ }).count()).resolves.toBe(1);
    await form.getByLabel(/The request/).fill('A hospital bill the plan does not cover; can it be lowered?');
    // The program's rule, applied in the form: a bill of $400 or less is not negotiated.
    await form.getByLabel('Amount billed ($)').fill('350');
    await expect(
      form.getByRole('status').filter({ hasText: 'not negotiated' }).textContent(),
    ).resolves.toContain('Bills of $400 or less are not negotiated.');
    await expect(form.getByRole('button', { name: 'Open case' }).isDisabled()).resolves.toBe(true);
    await form.getByLabel('Amount billed ($)').fill('1250');
    await expect(form.getByRole('status').count()).resolves.toBe(0);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await form.getByRole('button', { name: 'Open case' }).press('Enter');

    await page.waitForURL(/\/cases\/C-/);
    const negotiation = page.getByRole('form', { name: 'Record the bill negotiation' });
    await negotiation.getByLabel('Negotiated amount ($)').fill('900');
    await expect(negotiation.getByRole('status').textContent()).resolves.toBe(
      'Savings: $350.00 of $1,250.00.',
    );
    await negotiation.getByLabel('Payment terms').fill('Six monthly payments of $150');
    await negotiation
      .getByLabel('Written summary for the member')
      .fill('The hospital lowered the bill by $350.');
    await negotiation.getByLabel(/Signed off by/).fill('Billing office, St. Example');
    await negotiation.getByLabel('Sign-off document id').fill('DOC-2026-0042');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await negotiation.getByRole('button', { name: 'Record negotiation' }).press('Enter');
    const recorded = page.getByRole('region', { name: 'Bill negotiation' });
    await recorded.getByText('DOC-2026-0042', { exact: false }).waitFor();
    await expect(recorded.textContent()).resolves.toContain('Savings$350.00');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'bill-negotiation.png'), fullPage: true });
    await page.context().close();
  });

  it('a supervisor sees every queue, its waiting tasks, and reassigns one; a coach cannot', async () => {
    const page = await signIn(get(), 'supervisor-dee', '/supervisor');
    const coaching = page.getByRole('region', { name: /^coaching: / });
    await coaching.getByRole('button', { name: 'Show waiting' }).click();
    const first = coaching.getByRole('listitem').first();
    await first.waitFor();
    const href = await first.getByRole('link').getAttribute('href');
    expect(href).toMatch(/\?task=/);
    // Each waiting task says why it exists.
    await expect(first.getByRole('link').textContent()).resolves.toMatch(
      / — (identified|gap|PHQ-9|AUDIT-C|case): /,
    );
    await first.getByLabel('Reassign to').fill('coach-ana');
    await first.getByRole('button', { name: 'Reassign' }).click();
    // Reassigned: out of the waiting list (it is held now).
    await until(async () => (await coaching.locator(`a[href="${href ?? ''}"]`).count()) === 0, 15_000);
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'supervisor.png'), fullPage: true });
    await page.context().close();

    const coach = await signIn(get(), 'coach-ana', '/supervisor');
    await coach.getByRole('heading', { name: 'No access' }).waitFor();
    expect(await apiCall(coach, 'GET', '/queues/stats')).toBe(403);
    await coach.context().close();
  });

  it('a user without a member-data role reaches neither the member view nor its API', async () => {
    const page = await signIn(get(), 'ops-eli', `/members/${memberId}`);
    await page.getByRole('heading', { name: 'No access' }).waitFor();
    expect(await apiCall(page, 'GET', `/members/${memberId}`)).toBe(403);
    expect(await apiCall(page, 'GET', '/queues/mine')).toBe(403);
    // Without a session the API answers 401, and a write without the CSRF token is refused.
    const anonymous = await fetch(`${get().consoleUrl}/api/members/${memberId}`);
    expect(anonymous.status).toBe(401);
    // No answer of the API is kept by a cache: not a refusal, not the member view, not the session's CSRF token.
    expect(anonymous.headers.get('cache-control')).toBe('no-store');
    expect((await apiJson(page, `/members/${memberId}`)).cacheControl).toBe('no-store');
    expect((await apiJson(page, '/session')).cacheControl).toBe('no-store');
    const forged = await page.evaluate(
      async (target) => (await fetch(target, { method: 'POST', credentials: 'same-origin' })).status,
      '/api/queues/coaching/next',
    );
    expect(forged).toBe(403);
    await page.context().close();
  });
}
