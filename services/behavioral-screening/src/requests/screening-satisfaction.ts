import type { ScreeningInstrument } from '@care/contracts';

/** What matters of a completed screening for the requests it satisfies. */
export interface CompletedScreeningKind {
  readonly instrument: ScreeningInstrument;
  readonly positive: boolean;
}

/**
 * Whether a completed screening satisfies a request for `requested`: it then fulfils open requests for that
 * instrument, and within the rescreen interval it suppresses new ones.
 * - A PHQ-9 request: a PHQ-9, or a negative PHQ-2 pre-screen (depression screened out). A positive PHQ-2 does not:
 *   it calls for the full PHQ-9.
 * - A PHQ-2 request: a PHQ-2 or a PHQ-9 (whose items 1-2 are the PHQ-2).
 * - An AUDIT-C request: an AUDIT-C.
 */
export function satisfiesRequest(completed: CompletedScreeningKind, requested: ScreeningInstrument): boolean {
  switch (requested) {
    case 'phq-9':
      return completed.instrument === 'phq-9' || (completed.instrument === 'phq-2' && !completed.positive);
    case 'phq-2':
      return completed.instrument === 'phq-2' || completed.instrument === 'phq-9';
    case 'audit-c':
      return completed.instrument === 'audit-c';
  }
}
