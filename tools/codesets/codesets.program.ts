import {
  codeListTargets,
  CONDITION_RULES,
  diffCodeSetReleases,
  GAP_RULES,
  codeSetReleaseFromJson,
  type CodeSetDiff,
} from '@care/clinical';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import {
  compileRelease,
  DEFAULT_MAX_REJECTED_SHARE,
  isShare,
  type ReleaseCompilation,
} from './compile-release';
import { loadedRelease, storeRelease } from './release-store';

/** Where the command writes; the real process by default, buffers in tests. */
export interface CodesetsIo {
  readonly env: NodeJS.ProcessEnv;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

interface Options {
  readonly into?: string;
  readonly label?: string;
  readonly json?: boolean;
  readonly maxRejectedShare?: number;
}

/** `--max-rejected-share`: a number from 0 to 1 ('0.01', '.2', '1'); anything else is refused, naming the option. */
export function parseShare(text: string): number {
  const value = Number(text);
  if (text.trim() === '' || !isShare(value)) {
    throw new InvalidArgumentError(`${JSON.stringify(text)} is not a share between 0 and 1 (e.g. 0.01)`);
  }
  return value;
}

const SHOWN_CODES = 20;

const codes = (list: readonly string[]): string =>
  list.length <= SHOWN_CODES
    ? list.join(' ')
    : `${list.slice(0, SHOWN_CODES).join(' ')} ... (${String(list.length)})`;

function renderCompilation(compilation: ReleaseCompilation): string {
  const { compiled, errors, warnings, ndcDirectory } = compilation;
  const lines = [`release ${compiled.id}`];
  if (ndcDirectory !== null) {
    lines.push(
      `  NDC Directory: ${String(ndcDirectory.productRows)} products (${String(ndcDirectory.productsClassified)} classified, ${String(ndcDirectory.productsOfOtherTypes)} not human drugs), ${String(ndcDirectory.packageRows)} packages (${String(ndcDirectory.packagesClassified)} classified), ${String(ndcDirectory.rejectedCount)} rows rejected`,
    );
  }
  for (const [drugClass, ndcs] of Object.entries(compiled.drugClasses))
    lines.push(`  ${drugClass}: ${String(ndcs.length)} NDCs`);
  for (const list of compiled.codeLists) {
    lines.push(`  ${list.address}: ${String(list.codes.length)} codes from ${list.valueSets.join(', ')}`);
  }
  for (const warning of warnings) lines.push(`  warning: ${warning}`);
  for (const error of errors) lines.push(`  error: ${error}`);
  return `${lines.join('\n')}\n`;
}

function renderDiff(loadedId: string, newId: string, diff: CodeSetDiff): string {
  const lines = [`changes from ${loadedId} to ${newId}`];
  for (const item of diff.drugClasses) {
    if (item.added.length === 0 && item.removed.length === 0) continue;
    lines.push(`  ${item.drugClass}: ${String(item.before)} -> ${String(item.after)} NDCs`);
    if (item.added.length > 0) lines.push(`    + ${codes(item.added)}`);
    if (item.removed.length > 0) lines.push(`    - ${codes(item.removed)}`);
  }
  for (const list of diff.codeLists) {
    lines.push(`  ${list.address} (${list.from.before} -> ${list.from.after})`);
    if (list.added.length > 0) lines.push(`    + ${codes(list.added)}`);
    if (list.removed.length > 0) lines.push(`    - ${codes(list.removed)}`);
  }
  if (lines.length === 1) lines.push('  none');
  return `${lines.join('\n')}\n`;
}

/**
 * Runs `codesets` with `argv` (without node and script); resolves to the exit status: 0 done, 1 the release is
 * invalid or the command failed.
 *
 * - `validate <dir>`: compile and check a release directory, print what it holds.
 * - `diff <dir>`: also show what changes against the loaded release (codes added and removed per class or list).
 * - `load <dir>`: validate, show the changes, and make it the loaded release of CODESETS_DIR (`--into`); services
 *   pick it up when they next start.
 * - `lists`: the code list addresses a value set mapping may name.
 */
export async function runCodesets(argv: readonly string[], io: CodesetsIo): Promise<number> {
  let exitCode = 0;
  const program = new Command('codesets')
    .description(
      'Clinical code set releases: FDA NDC Directory drug classes and FHIR ValueSets for the rule catalogs',
    )
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr });
  const targets = codeListTargets(CONDITION_RULES, GAP_RULES);

  const compile = async (directory: string, options: Options): Promise<ReleaseCompilation> => {
    const compilation = await compileRelease(directory, {
      ...(options.label === undefined ? {} : { label: options.label }),
      ...(options.maxRejectedShare === undefined ? {} : { maxRejectedShare: options.maxRejectedShare }),
      targets,
    });
    if (options.json !== true) io.stdout(renderCompilation(compilation));
    if (compilation.errors.length > 0) exitCode = 1;
    return compilation;
  };
  const into = (options: Options): string => {
    const directory = options.into ?? io.env['CODESETS_DIR'];
    if (directory === undefined || directory.length === 0)
      throw new Error('no target: pass --into <dir> or set CODESETS_DIR');
    return directory;
  };
  const compareWithLoaded = async (compilation: ReleaseCompilation, options: Options) => {
    const loaded = await loadedRelease(into(options));
    const diff = diffCodeSetReleases(loaded, codeSetReleaseFromJson(compilation.compiled), targets);
    if (options.json !== true) io.stdout(renderDiff(loaded.id, compilation.compiled.id, diff));
    return { loaded, diff };
  };
  const withCommon = (command: Command): Command =>
    command
      .option('--label <label>', 'human part of the release id', 'codesets')
      .option(
        '--max-rejected-share <share>',
        'rejected directory rows allowed, as a share of all rows (0 to 1)',
        parseShare,
        DEFAULT_MAX_REJECTED_SHARE,
      )
      .option('--json', 'machine-readable JSON on stdout');

  withCommon(
    program.command('validate <dir>').description('check a release directory and show what it holds'),
  ).action(async (directory: string, options: Options) => {
    const compilation = await compile(directory, options);
    if (options.json === true) io.stdout(`${JSON.stringify(summary(compilation), null, 2)}\n`);
  });
  withCommon(program.command('diff <dir>').description('show what a release changes against the loaded one'))
    .option('--into <dir>', 'the loaded releases directory (default CODESETS_DIR)')
    .action(async (directory: string, options: Options) => {
      const compilation = await compile(directory, options);
      const { loaded, diff } = await compareWithLoaded(compilation, options);
      if (options.json === true)
        io.stdout(`${JSON.stringify({ ...summary(compilation), loaded: loaded.id, diff }, null, 2)}\n`);
    });
  withCommon(program.command('load <dir>').description('validate a release, show its changes and load it'))
    .option('--into <dir>', 'the loaded releases directory (default CODESETS_DIR)')
    .action(async (directory: string, options: Options) => {
      const compilation = await compile(directory, options);
      const { loaded, diff } = await compareWithLoaded(compilation, options);
      const load = compilation.errors.length === 0;
      if (load) await storeRelease(into(options), compilation.compiled);
      if (options.json === true) {
        io.stdout(
          `${JSON.stringify({ ...summary(compilation), loaded: loaded.id, diff, stored: load }, null, 2)}\n`,
        );
      } else {
        io.stdout(
          load
            ? `loaded ${compilation.compiled.id} into ${into(options)}; services use it from their next start\n`
            : 'not loaded: the release has errors\n',
        );
      }
    });

  program
    .command('lists')
    .description('the code lists a value set mapping may name (address, kind, built-in codes)')
    .action(() => {
      for (const target of targets) {
        io.stdout(`${target.address}\t${target.kind}\t${String(target.codes.length)} built-in codes\n`);
      }
    });

  try {
    await program.parseAsync([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    io.stderr(`codesets: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  return exitCode;
}

const summary = (compilation: ReleaseCompilation) => ({
  id: compilation.compiled.id,
  drugClasses: Object.fromEntries(
    Object.entries(compilation.compiled.drugClasses).map(([name, ndcs]) => [name, ndcs.length]),
  ),
  codeLists: compilation.compiled.codeLists.map((list) => ({
    address: list.address,
    codes: list.codes.length,
  })),
  sources: compilation.compiled.sources,
  errors: compilation.errors,
  warnings: compilation.warnings,
});
