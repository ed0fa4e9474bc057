import { answersFromQuestionnaireResponse } from './answers-from-questionnaire-response.util';
import { AUDIT_C_INSTRUMENT } from './audit-c.instrument';
import { expectValid, phq9AnswersWith } from './instrument-test.helpers';
import type { InstrumentDefinition } from './instrument.types';
import { PHQ2_INSTRUMENT } from './phq2.instrument';
import { PHQ9_INSTRUMENT } from './phq9.instrument';
import type { FhirQuestionnaireResponse, FhirQuestionnaireResponseItem } from './questionnaire-response.types';
import { scoreAuditC } from './score-audit-c.util';
import { scorePhq2 } from './score-phq2.util';
import { scorePhq9 } from './score-phq9.util';
import { validateAnswers } from './validate-answers.util';

/** Builds a QuestionnaireResponse (panel group with one coded answer per item) from direct answers by number. */
function responseFor(definition: InstrumentDefinition, answers: Record<string, number>): FhirQuestionnaireResponse {
  const items: FhirQuestionnaireResponseItem[] = definition.items.map((item) => {
    const option = item.answers.find((candidate) => candidate.value === answers[String(item.number)]);
    return {
      linkId: `/${definition.panelLoinc}/${item.loinc}`,
      answer: [{ valueCoding: { system: 'http://loinc.org', code: option?.loincAnswer ?? 'missing', display: option?.display ?? '' } }],
    };
  });
  return { resourceType: 'QuestionnaireResponse', status: 'completed', item: [{ linkId: `/${definition.panelLoinc}`, item: items }] };
}

const answer = (linkId: string, code: string): FhirQuestionnaireResponseItem => ({ linkId, answer: [{ valueCoding: { code } }] });

describe('Answers from a FHIR QuestionnaireResponse', () => {
  it.each([
    [0, 0],
    [4, 0],
    [9, 1],
    [10, 0],
    [14, 3],
    [15, 0],
    [19, 2],
    [20, 0],
    [27, 3],
  ])('gives the same PHQ-9 score as direct answers (total %i, item 9 = %i)', (total, item9) => {
    const direct = phq9AnswersWith(total, item9);
    const fromFhir = expectValid(answersFromQuestionnaireResponse(PHQ9_INSTRUMENT, responseFor(PHQ9_INSTRUMENT, direct)));
    expect(scorePhq9(fromFhir)).toEqual(scorePhq9(expectValid(validateAnswers(PHQ9_INSTRUMENT, direct))));
  });

  it('gives the same AUDIT-C score as direct answers for all 125 answer sets', () => {
    for (let q1 = 0; q1 <= 4; q1 += 1) {
      for (let q2 = 0; q2 <= 4; q2 += 1) {
        for (let q3 = 0; q3 <= 4; q3 += 1) {
          const direct = { '1': q1, '2': q2, '3': q3 };
          const fromFhir = expectValid(answersFromQuestionnaireResponse(AUDIT_C_INSTRUMENT, responseFor(AUDIT_C_INSTRUMENT, direct)));
          expect(scoreAuditC(fromFhir, { sex: 'female' })).toEqual(
            scoreAuditC(expectValid(validateAnswers(AUDIT_C_INSTRUMENT, direct)), { sex: 'female' }),
          );
        }
      }
    }
  });

  it('gives the same PHQ-2 score as direct answers', () => {
    const direct = { '1': 2, '2': 1 };
    const fromFhir = expectValid(answersFromQuestionnaireResponse(PHQ2_INSTRUMENT, responseFor(PHQ2_INSTRUMENT, direct)));
    expect(scorePhq2(fromFhir)).toEqual(scorePhq2(expectValid(validateAnswers(PHQ2_INSTRUMENT, direct))));
  });

  it('resolves answer codes per item: LA6270-8 means "Never" on AUDIT-C questions 1 and 3', () => {
    const result = answersFromQuestionnaireResponse(AUDIT_C_INSTRUMENT, {
      resourceType: 'QuestionnaireResponse',
      item: [answer('68518-0', 'LA18929-2'), answer('68519-8', 'LA15694-5'), answer('68520-6', 'LA6270-8')],
    });
    expect(result.ok && scoreAuditC(result.answers, { sex: 'male' })).toMatchObject({ total: 4, onlyFrequencyPoints: true });
  });

  it('ignores the submitted total, the panel item and the unscored functional question', () => {
    const base = responseFor(PHQ9_INSTRUMENT, phq9AnswersWith(5, 0));
    const response: FhirQuestionnaireResponse = {
      ...base,
      item: [
        ...(base.item ?? []),
        { linkId: '44261-6', answer: [{ valueInteger: 27 }] },
        answer('69722-7', 'LA6573-5'),
      ],
    };
    const result = answersFromQuestionnaireResponse(PHQ9_INSTRUMENT, response);
    expect(result.ok && scorePhq9(result.answers).total).toBe(5);
  });

  it('names each item with an unknown code, a non-LOINC coding, several answers, no coding, a duplicate or a missing answer', () => {
    const result = answersFromQuestionnaireResponse(PHQ9_INSTRUMENT, {
      resourceType: 'QuestionnaireResponse',
      item: [
        answer('44250-9', 'LA18929-2'), // an AUDIT-C code on PHQ-9 item 1
        { linkId: '44255-8', answer: [{ valueCoding: { system: 'http://snomed.info/sct', code: 'LA6568-5' } }] },
        { linkId: '44259-0', answer: [{ valueCoding: { code: 'LA6568-5' } }, { valueCoding: { code: 'LA6569-3' } }] },
        { linkId: '44254-1', answer: [{ valueInteger: 1 }] },
        answer('44251-7', 'LA6568-5'),
        answer('44251-7', 'LA6568-5'),
        answer('44258-2', 'LA6568-5'),
        answer('44252-5', 'LA6568-5'),
        answer('44253-3', 'LA6568-5'),
        // item 9 missing
        answer('68517-2', 'LA6568-5'),
      ],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues.map((issue) => [issue.item, issue.kind])).toEqual([
        ['1', 'unknown-answer-code'],
        ['2', 'not-a-coding'],
        ['3', 'multiple-answers'],
        ['4', 'not-a-coding'],
        ['5', 'duplicate'],
        ['68517-2', 'unknown-item'],
        ['9', 'missing'],
      ]);
      expect(result.issues.some((issue) => issue.message.includes('LA'))).toBe(false);
    }
  });

  it('reports an item present without an answer as missing', () => {
    const base = responseFor(AUDIT_C_INSTRUMENT, { '1': 1, '2': 1, '3': 1 });
    const result = answersFromQuestionnaireResponse(AUDIT_C_INSTRUMENT, {
      ...base,
      item: [answer('68518-0', 'LA18926-8'), answer('68519-8', 'LA15695-2'), { linkId: '68520-6' }],
    });
    expect(!result.ok && result.issues).toEqual([{ kind: 'missing', item: '3', message: 'AUDIT-C item 3 (68520-6): missing answer' }]);
  });
});
