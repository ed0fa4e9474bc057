/** Test data: PHQ-9 answers (items 1..9 by number) with the given total and item 9 value. */
export function phq9Answers(total: number, item9 = 0): Record<string, number> {
  let rest = total - item9;
  if (rest < 0 || rest > 24) throw new Error(`no PHQ-9 answer set has total ${total} with item 9 = ${item9}`);
  const answers: Record<string, number> = {};
  for (let item = 1; item <= 8; item += 1) {
    const value = Math.min(3, rest);
    answers[String(item)] = value;
    rest -= value;
  }
  answers['9'] = item9;
  return answers;
}

/** Test data: a valid `POST /v1/screenings` body, with overrides. */
export function aCoachSubmission(
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    screeningId: 'SCR-1',
    memberId: 'M-1',
    instrument: 'phq-9',
    answers: phq9Answers(6, 0),
    completedAt: '2025-03-11T08:00:00.000Z',
    ...overrides,
  };
}

/** LOINC codes of the PHQ-9 items in order, and of the PHQ answer values 0..3 (CLINICAL.md section 4). */
const PHQ9_ITEM_LOINC = ['44250-9', '44255-8', '44259-0', '44254-1', '44251-7', '44258-2', '44252-5', '44253-3', '44260-8'];
const PHQ_ANSWER_LOINC = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'];
const AUDIT_C_ITEMS = [
  { loinc: '68518-0', answers: ['LA6270-8', 'LA18926-8', 'LA18927-6', 'LA18928-4', 'LA18929-2'] },
  { loinc: '68519-8', answers: ['LA15694-5', 'LA15695-2', 'LA18930-0', 'LA18931-8', 'LA18932-6'] },
  { loinc: '68520-6', answers: ['LA6270-8', 'LA18933-4', 'LA18876-5', 'LA18891-4', 'LA18934-2'] },
];

/**
 * Test data: a FHIR R4 QuestionnaireResponse as an EHR would send it: panel group, one LOINC answer coding per item.
 * Written from the domain reference's codes, not from the instrument definitions under test.
 */
export function aQuestionnaireResponse(options: {
  id: string;
  memberId: string;
  instrument: 'phq-9' | 'audit-c';
  values: readonly number[];
  authored?: string;
}): Record<string, unknown> {
  const panel = options.instrument === 'phq-9' ? '44249-1' : '72109-2';
  const items =
    options.instrument === 'phq-9'
      ? PHQ9_ITEM_LOINC.map((loinc) => ({ loinc, answers: PHQ_ANSWER_LOINC }))
      : AUDIT_C_ITEMS;
  return {
    resourceType: 'QuestionnaireResponse',
    id: options.id,
    questionnaire: `http://loinc.org/q/${panel}`,
    status: 'completed',
    subject: { reference: `Patient/${options.memberId}` },
    authored: options.authored ?? '2025-03-11T08:00:00Z',
    item: [
      {
        linkId: `/${panel}`,
        item: items.map((item, index) => ({
          linkId: `/${panel}/${item.loinc}`,
          answer: [{ valueCoding: { system: 'http://loinc.org', code: item.answers[options.values[index] ?? -1] ?? 'none' } }],
        })),
      },
    ],
  };
}
