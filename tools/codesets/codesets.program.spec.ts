import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCodesets } from './codesets.program';

const RELEASE_A = join(__dirname, 'fixtures', 'release-a');

async function run(argv: string[], env: NodeJS.ProcessEnv = {}) {
  let stdout = '';
  let stderr = '';
  const code = await runCodesets(argv, {
    env,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
  });
  return { code, stdout, stderr };
}

describe('codesets command', () => {
  let work: string;
  let target: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'codesets-cli-'));
    target = join(work, 'loaded');
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('loads a valid release after showing its changes against the built-in code sets', async () => {
    const { code, stdout } = await run(['load', RELEASE_A, '--into', target, '--max-rejected-share', '0.2']);
    expect(code).toBe(0);
    expect(stdout).toContain('changes from built-in-seed-2026.1 to codesets-');
    expect(stdout).toContain(
      '  statin: 1 -> 6 NDCs\n    + 00071015540 00085173301 50090034800 68180051301 68180051303\n',
    );
    expect(stdout).toContain(
      '  conditions/diabetes/diagnosis (built-in -> value-sets)\n    + E109 E1165 E119 O24111\n    - E08 E09 E10 E11 E13\n',
    );
    const stored = JSON.parse(readFileSync(join(target, 'current.json'), 'utf8')) as {
      id: string;
      format: string;
    };
    expect(stored.format).toBe('care-codesets/1');
    expect(stdout).toContain(`loaded ${stored.id} into ${target}`);
  });

  it('shows only what changed against the loaded release, and nothing for the same release', async () => {
    await run(['load', RELEASE_A, '--into', target, '--max-rejected-share', '0.2']);
    const next = join(work, 'next');
    cpSync(RELEASE_A, next, { recursive: true });
    const packages = readFileSync(join(next, 'package.txt'), 'utf8');
    writeFileSync(join(next, 'package.txt'), packages.replace(/^0049-4110_a11.*\r\n/m, ''));
    const same = await run(['diff', RELEASE_A, '--max-rejected-share', '0.2'], { CODESETS_DIR: target });
    expect(same.stdout).toMatch(/changes from (codesets-\w+) to \1\n {2}none\n/);
    const changed = await run(['diff', next, '--max-rejected-share', '0.2'], { CODESETS_DIR: target });
    const changes = changed.stdout.slice(changed.stdout.indexOf('changes from'));
    expect(changes).toMatch(
      /^changes from codesets-\w+ to codesets-\w+\n {2}sulfonylurea: 1 -> 0 NDCs\n {4}- 00049411066\n$/,
    );
  });

  it('does not load a release with errors and exits 1', async () => {
    const { code, stdout } = await run(['load', RELEASE_A, '--into', target]);
    expect(code).toBe(1);
    expect(stdout).toContain('error: 6 of 76 directory rows rejected');
    expect(stdout).toContain('not loaded: the release has errors');
    expect(existsSync(join(target, 'current.json'))).toBe(false);
  });

  it.each(['abc', '', '1.5', '-0.1', 'NaN', '0.2x'])(
    'refuses --max-rejected-share %j, naming the option, and loads nothing',
    async (share) => {
      const { code, stdout, stderr } = await run([
        'load',
        RELEASE_A,
        '--into',
        target,
        '--max-rejected-share',
        share,
      ]);
      expect(code).toBe(1);
      expect(stderr).toContain(
        `error: option '--max-rejected-share <share>' argument '${share}' is invalid. ${JSON.stringify(share)} is not a share between 0 and 1`,
      );
      expect(stdout).toBe('');
      expect(existsSync(join(target, 'current.json'))).toBe(false);
    },
  );

  it.each([
    ['0', 1],
    ['1', 0],
    ['.2', 0],
  ])('takes --max-rejected-share %s as a share (6 of 76 rows rejected: exit %d)', async (share, expected) => {
    const { code } = await run(['validate', RELEASE_A, '--max-rejected-share', share]);
    expect(code).toBe(expected);
  });

  it('warns, without refusing, about a drug class the directory gives no NDC', async () => {
    const next = join(work, 'next');
    cpSync(RELEASE_A, next, { recursive: true });
    const products = readFileSync(join(next, 'product.txt'), 'utf8');
    // Glucotrol is the fixture's only sulfonylurea
    writeFileSync(join(next, 'product.txt'), products.replace(/^0049-4110_a11.*\r\n/m, ''));
    const { code, stdout } = await run(['validate', next, '--max-rejected-share', '0.2']);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '  warning: drug class sulfonylurea: no NDC in the directory; fills of it count for nothing under this release\n',
    );
    expect(stdout.match(/warning: drug class /g)).toHaveLength(1);
  });

  it('lists the code list addresses a mapping may name', async () => {
    const { code, stdout } = await run(['lists']);
    expect(code).toBe(0);
    expect(stdout).toContain('conditions/diabetes/diagnosis\tdiagnosis\t5 built-in codes\n');
    expect(stdout).toContain('gaps/diabetes-hba1c-poor-control/control/loinc\tloinc\t');
  });

  it('asks for a target when neither --into nor CODESETS_DIR is given', async () => {
    const { code, stderr } = await run(['load', RELEASE_A, '--max-rejected-share', '0.2']);
    expect(code).toBe(1);
    expect(stderr).toBe('codesets: no target: pass --into <dir> or set CODESETS_DIR\n');
  });
});
