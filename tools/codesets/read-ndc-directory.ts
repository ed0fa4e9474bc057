import type { Readable } from 'node:stream';
import { drugClassOfProduct, normalizeNdc, type DrugClass, type DrugClassDefinition } from '@care/clinical';
import { parse } from 'csv-parse';

/** A row of the directory that was not read, with why (line numbers count the header as line 1). */
export interface RejectedRow {
  readonly file: 'product.txt' | 'package.txt';
  readonly line: number;
  readonly reason: string;
}

/** What reading the NDC Directory found. */
export interface NdcDirectoryReading {
  /** 11-digit package NDC → drug class, for the packages of classified products only. */
  readonly drugClasses: Map<string, DrugClass>;
  readonly productRows: number;
  /** Rows whose PRODUCTTYPENAME is not a human drug (vaccines, plasma derivatives, cellular therapy...). */
  readonly productsOfOtherTypes: number;
  readonly productsClassified: number;
  readonly packageRows: number;
  readonly packagesClassified: number;
  /** Rejected rows: the first {@link REJECTED_ROWS_KEPT} in full, and how many in all. */
  readonly rejected: readonly RejectedRow[];
  readonly rejectedCount: number;
}

export const REJECTED_ROWS_KEPT = 100;

/** Product types classified; human insulin is an OTC product, so both human types count. */
const HUMAN_DRUG_TYPES = new Set(['HUMAN PRESCRIPTION DRUG', 'HUMAN OTC DRUG']);
const PRODUCT_COLUMNS = [
  'PRODUCTID',
  'PRODUCTNDC',
  'PRODUCTTYPENAME',
  'PROPRIETARYNAME',
  'ROUTENAME',
  'SUBSTANCENAME',
  'PHARM_CLASSES',
];
const PACKAGE_COLUMNS = ['PRODUCTID', 'PRODUCTNDC', 'NDCPACKAGECODE'];

/** Thrown when a file is not the directory's (missing columns, no header): the release is refused. */
export class NdcDirectoryFormatError extends Error {}

/** `SUBSTANCENAME` and `ROUTENAME` list entries with '; '. */
const splitList = (value: string): string[] =>
  value
    .split(';')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

/** `PHARM_CLASSES` separates classes with ',' after each class's closing "[EPC]"/"[MoA]"/...; names may hold commas. */
const splitPharmClasses = (value: string): string[] =>
  value
    .split(/(?<=\]),/)
    .map((item) => item.trim())
    .filter((item) => item.length > 0);

/** The 9 labeler and product digits of a PRODUCTNDC (4-4, 5-3 or 5-4), as in the 11-digit form; null otherwise. */
function productNdcDigits(value: string): string | null {
  const match = /^(\d{4,5})-(\d{3,4})$/.exec(value);
  if (match === null) return null;
  const [, labeler = '', product = ''] = match;
  if (labeler.length + product.length !== 8 && !(labeler.length === 5 && product.length === 4)) return null;
  return `${labeler.padStart(5, '0')}${product.padStart(4, '0')}`;
}

interface Row {
  readonly line: number;
  readonly field: (column: string) => string;
}

/**
 * The rows of one tab-delimited directory file as they stream in, header checked; rows with another number of
 * fields than the header are rejected (a tab inside a field or a cut line), never guessed at. Quotes are data in
 * these files (no quoting convention), so they are not interpreted.
 */
async function* rowsOf(
  input: Readable,
  file: RejectedRow['file'],
  required: readonly string[],
  reject: (row: RejectedRow) => void,
): AsyncGenerator<Row> {
  const parser = input.pipe(
    parse({
      delimiter: '\t',
      quote: false,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
    }),
  );
  let columns: Map<string, number> | undefined;
  let width = 0;
  for await (const { record, info } of parser as AsyncIterable<{
    record: string[];
    info: { lines: number };
  }>) {
    if (columns === undefined) {
      columns = new Map(record.map((name, index) => [name.trim(), index]));
      width = record.length;
      const missing = required.filter((column) => !columns?.has(column));
      if (missing.length > 0)
        throw new NdcDirectoryFormatError(`${file}: header lacks ${missing.join(', ')}`);
      continue;
    }
    if (record.length !== width) {
      reject({
        file,
        line: info.lines,
        reason: `${String(record.length)} fields, the header has ${String(width)}`,
      });
      continue;
    }
    const index = columns;
    yield { line: info.lines, field: (column) => (record[index.get(column) ?? -1] ?? '').trim() };
  }
  if (columns === undefined) throw new NdcDirectoryFormatError(`${file}: empty (no header row)`);
}

/**
 * Reads the NDC Directory's `product.txt` then `package.txt` as streams and classifies every package NDC by its
 * product (`drugClassOfProduct`). Memory holds the classified products' ids and the classified packages, never the
 * whole files. Rejected: rows of the wrong width, products without id, packages whose NDC is not a readable 10-digit
 * form or does not start with its product's NDC, and a package NDC listed twice under different classes (kept under
 * neither). Packages of products not classified (or unknown) are skipped quietly.
 */
export async function readNdcDirectory(
  products: Readable,
  packages: Readable,
  definitions?: readonly DrugClassDefinition[],
): Promise<NdcDirectoryReading> {
  const rejected: RejectedRow[] = [];
  let rejectedCount = 0;
  const reject = (row: RejectedRow): void => {
    rejectedCount += 1;
    if (rejected.length < REJECTED_ROWS_KEPT) rejected.push(row);
  };

  const classOfProduct = new Map<string, DrugClass>();
  let productRows = 0;
  let productsOfOtherTypes = 0;
  for await (const row of rowsOf(products, 'product.txt', PRODUCT_COLUMNS, reject)) {
    productRows += 1;
    const productId = row.field('PRODUCTID');
    if (productId.length === 0) {
      reject({ file: 'product.txt', line: row.line, reason: 'no PRODUCTID' });
      continue;
    }
    if (!HUMAN_DRUG_TYPES.has(row.field('PRODUCTTYPENAME').toUpperCase())) {
      productsOfOtherTypes += 1;
      continue;
    }
    const drugClass = drugClassOfProduct(
      {
        substances: splitList(row.field('SUBSTANCENAME')),
        pharmClasses: splitPharmClasses(row.field('PHARM_CLASSES')),
        routes: splitList(row.field('ROUTENAME')),
        proprietaryName: row.field('PROPRIETARYNAME'),
      },
      definitions,
    );
    if (drugClass !== null) classOfProduct.set(productId, drugClass);
  }

  const drugClasses = new Map<string, DrugClass>();
  const conflicting = new Set<string>();
  let packageRows = 0;
  for await (const row of rowsOf(packages, 'package.txt', PACKAGE_COLUMNS, reject)) {
    packageRows += 1;
    const drugClass = classOfProduct.get(row.field('PRODUCTID'));
    if (drugClass === undefined) continue;
    const code = row.field('NDCPACKAGECODE');
    const ndc = code.includes('-') ? normalizeNdc(code) : null;
    const productNdc = productNdcDigits(row.field('PRODUCTNDC'));
    if (ndc === null) {
      reject({
        file: 'package.txt',
        line: row.line,
        reason: `NDCPACKAGECODE ${code} is not a 4-4-2, 5-3-2 or 5-4-1 NDC`,
      });
      continue;
    }
    if (productNdc === null || !ndc.startsWith(productNdc)) {
      reject({
        file: 'package.txt',
        line: row.line,
        reason: `NDCPACKAGECODE ${code} is not a package of ${row.field('PRODUCTNDC')}`,
      });
      continue;
    }
    const earlier = drugClasses.get(ndc);
    if (conflicting.has(ndc)) continue;
    if (earlier !== undefined && earlier !== drugClass) {
      drugClasses.delete(ndc);
      conflicting.add(ndc);
      reject({
        file: 'package.txt',
        line: row.line,
        reason: `NDC ${ndc} listed as ${earlier} and ${drugClass}; dropped`,
      });
      continue;
    }
    drugClasses.set(ndc, drugClass);
  }
  return {
    drugClasses,
    productRows,
    productsOfOtherTypes,
    productsClassified: classOfProduct.size,
    packageRows,
    packagesClassified: drugClasses.size,
    rejected,
    rejectedCount,
  };
}
