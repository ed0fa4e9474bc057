import { join } from 'node:path';
import { DEV_CLIENT_SECRET, requestClientToken } from '@care/auth';
import { aValidMember } from '@care/contracts';
import { daysAgo, officeVisit } from '@care/testing';
import { seriousAccessibilityViolations } from './browser';
import { apiCall, choose, SCREENSHOTS, signIn, until, type ConsoleStack } from './console-stack';

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
    const conditions = page.getByRole('region', { name: 'Identified conditions' });
    await expect(conditions.getByRole('rowheader').first().textContent()).resolves.toMatch(/diabetes/i);
    await expect(conditions.textContent()).resolves.toContain(`${memberId}-V1`);
    const gaps = page.getByRole('region', { name: 'Care gaps' });
    await expect(gaps.textContent()).resolves.toContain('diabetes-hba1c-testing');
    await expect(gaps.getByRole('cell', { name: 'open', exact: true }).count()).resolves.toBeGreaterThan(0);
    // What closes the HbA1c testing gap, from the rule.
    await expect(gaps.getByRole('row', { name: /diabetes-hba1c-testing/ }).textContent()).resolves.toContain(
      'hba1c test',
    );

    // A note on the task taken, shown with the task once written.
    const tasks = page.getByRole('region', { name: 'Tasks' });
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
    await expect(
      page.getByRole('alert').filter({ hasText: 'Urgent' }).first().textContent(),
    ).resolves.toContain('Positive screening');
    expect(await seriousAccessibilityViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('an advocate opens a case for the spouse, whom the roster makes eligible, and moves it on', async () => {
    const page = await signIn(get(), 'advocate-cruz', `/members/${memberId}`);
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

  it('a supervisor sees every queue, its waiting tasks, and reassigns one; a coach cannot', async () => {
    const page = await signIn(get(), 'supervisor-dee', '/supervisor');
    const coaching = page.getByRole('region', { name: /^coaching: / });
    await coaching.getByRole('button', { name: 'Show waiting' }).click();
    const first = coaching.getByRole('listitem').first();
    await first.waitFor();
    const href = await first.getByRole('link').getAttribute('href');
    expect(href).toMatch(/\?task=/);
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
    const forged = await page.evaluate(
      async (target) => (await fetch(target, { method: 'POST', credentials: 'same-origin' })).status,
      '/api/queues/coaching/next',
    );
    expect(forged).toBe(403);
    await page.context().close();
  });
}
