/**
 * An NDC in the 11-digit 5-4-2 form claims carry (no hyphens), or null when it cannot be read unambiguously.
 *
 * Accepted: 11 digits with or without hyphens (5-4-2), and the 10-digit labeler forms with hyphens: 4-4-2 (labeler
 * padded), 5-3-2 (product padded) and 5-4-1 (package padded). A 10-digit NDC without hyphens is refused: which
 * segment to pad cannot be known from the digits alone.
 */
export function normalizeNdc(ndc: string): string | null {
  const value = ndc.trim();
  if (!value.includes('-')) return /^\d{11}$/.test(value) ? value : null;
  const segments = value.split('-');
  if (segments.length !== 3 || !segments.every((segment) => /^\d+$/.test(segment))) return null;
  const [labeler, product, packageCode] = segments as [string, string, string];
  const shape = `${String(labeler.length)}-${String(product.length)}-${String(packageCode.length)}`;
  switch (shape) {
    case '5-4-2':
      return `${labeler}${product}${packageCode}`;
    case '4-4-2':
      return `0${labeler}${product}${packageCode}`;
    case '5-3-2':
      return `${labeler}0${product}${packageCode}`;
    case '5-4-1':
      return `${labeler}${product}0${packageCode}`;
    default:
      return null;
  }
}
