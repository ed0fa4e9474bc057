import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  BUILT_IN_CODE_SET_RELEASE,
  codeListsFromValueSets,
  codeListTargets,
  COMPILED_CODE_SET_FORMAT,
  CONDITION_RULES,
  DRUG_CLASS_DEFINITIONS_VERSION,
  DRUG_CLASSES,
  GAP_RULES,
  valueSetCodes,
  valueSetMappingsFromJson,
  type CodeListTarget,
  type CompiledCodeSetRelease,
  type DrugClass,
  type ValueSetCodes,
} from '@care/clinical';
import { NdcDirectoryFormatError, readNdcDirectory, type NdcDirectoryReading } from './read-ndc-directory';

/** A release directory compiled, with what stops it from loading (errors) and what only needs reading (warnings). */
export interface ReleaseCompilation {
  readonly compiled: CompiledCodeSetRelease;
  readonly errors: readonly string[];
  readonly warnings: readonly string[];
  readonly ndcDirectory: NdcDirectoryReading | null;
}

export interface CompileOptions {
  /** Human part of the release id (default 'codesets'); the rest is a hash of the content. */
  readonly label?: string;
  /** Rejected directory rows allowed, as a share of all rows (default 0.01); more is an error. */
  readonly maxRejectedShare?: number;
  readonly now?: Date;
  readonly targets?: readonly CodeListTarget[];
}

/** Rejected directory rows allowed when not told, as a share of all rows. */
export const DEFAULT_MAX_REJECTED_SHARE = 0.01;

/** A finite number from 0 to 1. */
export const isShare = (value: number): boolean => Number.isFinite(value) && value >= 0 && value <= 1;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

async function readJson(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8')) as unknown;
}

/** The ValueSet resources of `valuesets/*.json`: each file a ValueSet or a FHIR Bundle of them. */
async function readValueSets(directory: string, errors: string[]): Promise<ValueSetCodes[]> {
  if (!existsSync(directory)) return [];
  const files = (await readdir(directory)).filter((file) => file.endsWith('.json')).sort();
  const valueSets: ValueSetCodes[] = [];
  for (const file of files) {
    try {
      const content = await readJson(join(directory, file));
      const resources =
        isRecord(content) && content['resourceType'] === 'Bundle' && Array.isArray(content['entry'])
          ? content['entry'].map((entry: unknown) => (isRecord(entry) ? entry['resource'] : entry))
          : [content];
      for (const resource of resources) valueSets.push(valueSetCodes(resource));
    } catch (error) {
      errors.push(`valuesets/${file}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return valueSets;
}

/** The release id: the label and a hash of what decides (classes, code lists, definitions version). */
function releaseId(
  label: string,
  content: Pick<CompiledCodeSetRelease, 'drugClasses' | 'codeLists' | 'drugClassDefinitions'>,
): string {
  const hash = createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 12);
  return `${label}-${hash}`;
}

/**
 * Compiles a release directory: `product.txt` and `package.txt` of the FDA NDC Directory (tab-delimited, as in
 * ndctext.zip), optional `valuesets/*.json` (FHIR R4 ValueSets with expansions) and `valueset-mapping.json`. Without
 * the directory files the drug classes stay the built-in seed table's; without a mapping every code list stays
 * built in. Validates everything and never throws on bad content: problems come back as errors.
 */
export async function compileRelease(
  directory: string,
  options: CompileOptions = {},
): Promise<ReleaseCompilation> {
  const errors: string[] = [];
  const warnings: string[] = [];
  const label = options.label ?? 'codesets';
  // the id travels in events (RULE_TOKEN_PATTERN of the contracts): lower case, digits, dot and dash, 64 at most
  if (!/^[a-z0-9][a-z0-9.-]{0,50}$/.test(label)) {
    errors.push(
      `label ${JSON.stringify(label)}: lower-case letters, digits, '.' and '-', at most 51 characters`,
    );
  }
  const maxRejectedShare = options.maxRejectedShare ?? DEFAULT_MAX_REJECTED_SHARE;
  // NaN would compare false with every share and let any number of rejected rows through
  if (!isShare(maxRejectedShare)) {
    errors.push(`max rejected share ${String(maxRejectedShare)}: not a share between 0 and 1`);
  }
  const targets = options.targets ?? codeListTargets(CONDITION_RULES, GAP_RULES);
  const sources: Record<string, unknown> = {};

  let ndcDirectory: NdcDirectoryReading | null = null;
  const productFile = join(directory, 'product.txt');
  const packageFile = join(directory, 'package.txt');
  const drugClasses: Partial<Record<DrugClass, string[]>> = {};
  if (existsSync(productFile) !== existsSync(packageFile)) {
    errors.push('product.txt and package.txt come together (the NDC Directory); only one is in the release');
  } else if (existsSync(productFile)) {
    try {
      ndcDirectory = await readNdcDirectory(createReadStream(productFile), createReadStream(packageFile));
      const rows = ndcDirectory.productRows + ndcDirectory.packageRows + ndcDirectory.rejectedCount;
      const share = rows === 0 ? 0 : ndcDirectory.rejectedCount / rows;
      const rejectedLines = ndcDirectory.rejected.map(
        (row) => `${row.file} line ${String(row.line)}: ${row.reason}`,
      );
      if (share > maxRejectedShare) {
        errors.push(
          `${String(ndcDirectory.rejectedCount)} of ${String(rows)} directory rows rejected`,
          ...rejectedLines,
        );
      } else if (ndcDirectory.rejectedCount > 0) {
        warnings.push(`${String(ndcDirectory.rejectedCount)} directory rows rejected`, ...rejectedLines);
      }
      if (ndcDirectory.packagesClassified === 0)
        errors.push('the NDC Directory gives no package a drug class');
      for (const [ndc, drugClass] of ndcDirectory.drugClasses) (drugClasses[drugClass] ??= []).push(ndc);
      // A class no package compiles to: every fill of it counts for nothing under this release (the seed table's
      // NDCs of that class too), which a real directory never gives; a cut or filtered directory does.
      if (ndcDirectory.packagesClassified > 0) {
        for (const drugClass of DRUG_CLASSES) {
          if (drugClasses[drugClass] === undefined)
            warnings.push(
              `drug class ${drugClass}: no NDC in the directory; fills of it count for nothing under this release`,
            );
        }
      }
      sources['ndcDirectory'] = {
        productRows: ndcDirectory.productRows,
        productsClassified: ndcDirectory.productsClassified,
        packageRows: ndcDirectory.packageRows,
        packagesClassified: ndcDirectory.packagesClassified,
        rejectedRows: ndcDirectory.rejectedCount,
      };
    } catch (error) {
      if (!(error instanceof NdcDirectoryFormatError)) throw error;
      errors.push(error.message);
    }
  } else {
    for (const [ndc, drugClass] of BUILT_IN_CODE_SET_RELEASE.drugClasses)
      (drugClasses[drugClass] ??= []).push(ndc);
    sources['ndcDirectory'] = `none: ${BUILT_IN_CODE_SET_RELEASE.id}`;
  }

  const valueSets = await readValueSets(join(directory, 'valuesets'), errors);
  const mappingFile = join(directory, 'valueset-mapping.json');
  let codeLists: CompiledCodeSetRelease['codeLists'] = [];
  if (existsSync(mappingFile)) {
    try {
      const mapped = codeListsFromValueSets(
        valueSets,
        valueSetMappingsFromJson(await readJson(mappingFile)),
        targets,
      );
      errors.push(...mapped.errors);
      warnings.push(...mapped.warnings);
      codeLists = mapped.codeLists;
    } catch (error) {
      errors.push(`valueset-mapping.json: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else if (valueSets.length > 0) {
    errors.push('valuesets/ without valueset-mapping.json: nothing says which code lists they replace');
  }
  sources['valueSets'] = valueSets.map((valueSet) => `${valueSet.url}|${valueSet.version ?? ''}`);

  const sortedClasses = Object.fromEntries(
    DRUG_CLASSES.flatMap((drugClass) => {
      const ndcs = drugClasses[drugClass];
      return ndcs === undefined ? [] : [[drugClass, [...ndcs].sort()]];
    }),
  ) as Partial<Record<DrugClass, readonly string[]>>;
  const content = {
    drugClassDefinitions: DRUG_CLASS_DEFINITIONS_VERSION,
    drugClasses: sortedClasses,
    codeLists,
  };
  return {
    compiled: {
      format: COMPILED_CODE_SET_FORMAT,
      id: releaseId(label, content),
      compiledAt: (options.now ?? new Date()).toISOString(),
      sources,
      ...content,
    },
    errors,
    warnings,
    ndcDirectory,
  };
}
