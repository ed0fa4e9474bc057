import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { createLogger, PHI_REDACT_PATHS } from './create-logger';

describe('log redaction', () => {
  function capture(): { logger: pino.Logger; lines: () => string } {
    const chunks: string[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        chunks.push(chunk.toString());
        callback();
      },
    });
    return {
      logger: pino({ redact: { paths: [...PHI_REDACT_PATHS], remove: true } }, stream),
      lines: () => chunks.join(''),
    };
  }

  it('removes names, birth dates, contact details and whole records, keeping ids', () => {
    const { logger, lines } = capture();
    logger.info(
      {
        memberId: 'M-1',
        eventId: 'e-1',
        firstName: 'Ada',
        member: { lastName: 'Lovelace' },
        request: { email: 'ada@example.org', phone: '5551234567', address: { city: 'Springfield' } },
        claim: { diagnoses: [{ code: 'F32.9' }] },
      },
      'handled',
    );
    const out = lines();
    expect(out).toContain('"memberId":"M-1"');
    expect(out).toContain('"eventId":"e-1"');
    for (const secret of ['Ada', 'Lovelace', 'ada@example.org', '5551234567', 'Springfield', 'F32.9']) {
      expect(out).not.toContain(secret);
    }
  });

  it('removes the bound values and the detail of a failed query, keeping the SQL and the code', () => {
    const { logger, lines } = capture();
    const err = {
      type: 'QueryFailedError',
      message: 'duplicate key value violates unique constraint "cases_pkey"',
      query: 'INSERT INTO cases (case_id, summary) VALUES ($1, $2)',
      parameters: ['C-1', 'Needs help paying for chemotherapy'],
      detail: 'Key (summary)=(Needs help paying for chemotherapy) already exists.',
      driverError: {
        code: '23505',
        detail: 'Key (summary)=(Needs help paying for chemotherapy) already exists.',
        parameters: ['x'],
      },
    };
    logger.error({ err }, 'failed');
    const out = lines();
    expect(out).not.toContain('chemotherapy');
    expect(out).toContain('INSERT INTO cases');
    expect(out).toContain('"code":"23505"');
  });

  it("writes to the file LOG_FILE names (a test file's own log), appending, PHI removed", () => {
    const directory = mkdtempSync(join(tmpdir(), 'care-log-'));
    const file = join(directory, 'nested', 'service.log');
    const previous = process.env['LOG_FILE'];
    process.env['LOG_FILE'] = file;
    try {
      createLogger('svc').info({ memberId: 'M-1', firstName: 'Ana' }, 'first');
      createLogger('svc').warn('second');
      const written = readFileSync(file, 'utf8')
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(written.map((line) => [line['msg'], line['memberId'], line['firstName']])).toEqual([
        ['first', 'M-1', undefined],
        ['second', undefined, undefined],
      ]);
    } finally {
      if (previous === undefined) delete process.env['LOG_FILE'];
      else process.env['LOG_FILE'] = previous;
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
