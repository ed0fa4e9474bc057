/** X12 data types read into the platform's: decimals (R), dates (D8 `CCYYMMDD`, RD8 `CCYYMMDD-CCYYMMDD`). */

/**
 * An X12 decimal (`150`, `150.5`, `.5`, `-2`) as a number; the text itself when it is not one, so validation
 * names the field; undefined when empty.
 */
export function x12Decimal(text: string): number | string | undefined {
  if (text === '') return undefined;
  return /^-?(?:\d+(?:\.\d*)?|\.\d+)$/.test(text) ? Number(text) : text;
}

/** A D8 date `CCYYMMDD` as `YYYY-MM-DD`, undefined when it is not 8 digits (the calendar is checked later). */
export function x12Date(text: string): string | undefined {
  return /^\d{8}$/.test(text) ? `${text.slice(0, 4)}-${text.slice(4, 6)}-${text.slice(6, 8)}` : undefined;
}

/** A DTP date of format D8 or RD8, as from and to dates (equal for D8); undefined when it does not parse. */
export function x12DatePeriod(format: string, text: string): { from: string; to: string } | undefined {
  if (format === 'D8') {
    const date = x12Date(text);
    return date === undefined ? undefined : { from: date, to: date };
  }
  if (format === 'RD8') {
    const [fromText = '', toText = '', ...rest] = text.split('-');
    const from = x12Date(fromText);
    const to = x12Date(toText);
    return from === undefined || to === undefined || rest.length > 0 ? undefined : { from, to };
  }
  return undefined;
}
