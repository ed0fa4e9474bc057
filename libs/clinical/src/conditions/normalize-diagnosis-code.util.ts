/** ICD-10-CM code without dots or spaces, upper case: 'e11.9' → 'E119'. */
export function normalizeDiagnosisCode(code: string): string {
  return code.replace(/[.\s]/g, '').toUpperCase();
}
