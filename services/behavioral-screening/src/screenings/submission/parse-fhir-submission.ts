import {
  answersFromQuestionnaireResponse,
  loincOfLinkId,
  phq9SafetySignalInResponse,
  type FhirQuestionnaireResponse,
  type Phq9SafetySignal,
  type InstrumentId,
} from '@care/clinical';
import {
  ADMINISTRATIVE_SEXES,
  isIsoInstant,
  isMemberId,
  SCREENING_ID_PATTERN,
  type AdministrativeSex,
  type ValidationIssue,
} from '@care/contracts';
import { INSTRUMENT_DEFINITIONS, instrumentOfPanel } from '../scoring/instrument-definitions';
import { futureInstantIssue, incompleteScreeningOf, type SubmissionCheck } from './screening-submission';

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const PATIENT_REFERENCE = /^Patient\/(.+)$/;

/**
 * Checks that the parts of a QuestionnaireResponse the mapping reads have FHIR's shapes (items and answers are
 * arrays of objects, linkIds strings, codings objects with string codes), so the mapping never reads a number as a
 * string. Other fields are not checked.
 */
function shapeIssues(items: unknown, path: string, issues: ValidationIssue[]): void {
  if (items === undefined) return;
  if (!Array.isArray(items)) {
    issues.push({ field: path, messages: [`${path} must be an array`] });
    return;
  }
  items.forEach((item: unknown, index) => {
    const itemPath = `${path}[${index}]`;
    if (!isRecord(item)) {
      issues.push({ field: itemPath, messages: [`${itemPath} must be an object`] });
      return;
    }
    if (typeof item['linkId'] !== 'string' || item['linkId'] === '') {
      issues.push({
        field: `${itemPath}.linkId`,
        messages: [`${itemPath}.linkId must be a non-empty string`],
      });
    }
    shapeIssues(item['item'], `${itemPath}.item`, issues);
    const answers = item['answer'];
    if (answers === undefined) return;
    if (!Array.isArray(answers)) {
      issues.push({ field: `${itemPath}.answer`, messages: [`${itemPath}.answer must be an array`] });
      return;
    }
    answers.forEach((answer: unknown, answerIndex) => {
      const answerPath = `${itemPath}.answer[${answerIndex}]`;
      if (!isRecord(answer)) {
        issues.push({ field: answerPath, messages: [`${answerPath} must be an object`] });
        return;
      }
      const coding = answer['valueCoding'];
      const badCoding =
        coding !== undefined &&
        (!isRecord(coding) ||
          (coding['code'] !== undefined && typeof coding['code'] !== 'string') ||
          (coding['system'] !== undefined && typeof coding['system'] !== 'string'));
      if (badCoding) {
        issues.push({
          field: `${answerPath}.valueCoding`,
          messages: [`${answerPath}.valueCoding must be a Coding with string system and code`],
        });
      }
      shapeIssues(answer['item'], `${answerPath}.item`, issues);
    });
  });
}

/** LOINC codes named by every linkId of the response (items, groups and items nested under answers). */
function linkIdCodes(items: unknown): string[] {
  if (!Array.isArray(items)) return [];
  return items.flatMap((item: unknown) => {
    if (!isRecord(item)) return [];
    const answers = Array.isArray(item['answer']) ? (item['answer'] as unknown[]) : [];
    return [
      ...(typeof item['linkId'] === 'string' ? [loincOfLinkId(item['linkId'])] : []),
      ...linkIdCodes(item['item']),
      ...answers.flatMap((answer) => (isRecord(answer) ? linkIdCodes(answer['item']) : [])),
    ];
  });
}

const PANELS_TEXT = Object.values(INSTRUMENT_DEFINITIONS)
  .map((definition) => `${definition.panelLoinc} ${definition.id.toUpperCase()}`)
  .join(', ');

/**
 * The instrument of a response: named by `questionnaire` (a canonical URL or id ending in the LOINC panel code, e.g.
 * `http://loinc.org/q/44249-1`, version after `|` ignored) or by a panel group (linkId `44249-1` or `/44249-1`).
 * Never guessed from the items: an incomplete PHQ-9 must be rejected, not scored as a PHQ-2.
 */
function instrumentOf(response: Json): { instrument: InstrumentId } | { issue: ValidationIssue } {
  const questionnaire = typeof response['questionnaire'] === 'string' ? response['questionnaire'] : undefined;
  const named =
    questionnaire === undefined
      ? undefined
      : instrumentOfPanel(loincOfLinkId(questionnaire.split('|')[0] ?? ''));
  const panels = [...new Set(linkIdCodes(response['item']).flatMap((code) => instrumentOfPanel(code) ?? []))];
  const issue = (message: string): { issue: ValidationIssue } => ({
    issue: { field: 'questionnaire', messages: [message] },
  });
  if (panels.length > 1) return issue('questionnaire: one instrument per QuestionnaireResponse');
  const [grouped] = panels;
  if (named !== undefined && grouped !== undefined && named !== grouped) {
    return issue('questionnaire names a different instrument than the panel group of the items');
  }
  const instrument = named ?? grouped;
  return instrument === undefined
    ? issue(
        `questionnaire must name the instrument by its LOINC panel (${PANELS_TEXT}), or the items must be grouped under it`,
      )
    : { instrument };
}

/** The screening id: `identifier.value`, else the resource `id`. */
function screeningIdOf(response: Json): { value: string } | { issue: ValidationIssue } {
  const identifier = response['identifier'];
  const [field, value] =
    isRecord(identifier) && identifier['value'] !== undefined
      ? ['identifier.value', identifier['value']]
      : ['id', response['id']];
  return typeof value === 'string' && SCREENING_ID_PATTERN.test(value)
    ? { value }
    : {
        issue: {
          field,
          messages: [
            `${field} is required as the screening id: 1-64 characters of letters, digits, '.', '_' or '-', starting with a letter or digit`,
          ],
        },
      };
}

/** The member id: `subject.reference` `Patient/<member id>`, else `subject.identifier.value`. */
function memberIdOf(response: Json): { value: string } | { issue: ValidationIssue } {
  const subject = isRecord(response['subject']) ? response['subject'] : {};
  const reference =
    typeof subject['reference'] === 'string' ? PATIENT_REFERENCE.exec(subject['reference']) : null;
  const identifier = isRecord(subject['identifier']) ? subject['identifier']['value'] : undefined;
  const value = reference?.[1] ?? identifier;
  return typeof value === 'string' && isMemberId(value)
    ? { value }
    : {
        issue: {
          field: 'subject',
          messages: ['subject must reference the member: reference Patient/<member id> or identifier.value'],
        },
      };
}

/**
 * Checks a FHIR R4 QuestionnaireResponse sent to `POST /v1/screenings/fhir` and maps it to a submission with the
 * same validated answers the direct API gives (items coded with LOINC answer codes, see @care/clinical).
 * Requires: resourceType QuestionnaireResponse, status `completed` (an amended or in-progress response is not
 * scored), the screening id (`identifier.value` or `id`), the member (`subject`), `authored` as an instant not in
 * the future, and the instrument (see `instrumentOf`). `sex` comes from the request (query `sex`), since a
 * QuestionnaireResponse does not carry it. Every issue is reported at once; items are named `item[<LOINC>]`.
 */
export function parseFhirSubmission(body: unknown, sex: string | undefined, now: Date): SubmissionCheck {
  if (!isRecord(body)) {
    return { ok: false, issues: [{ field: '(root)', messages: ['(root) must be a JSON object'] }] };
  }
  const issues: ValidationIssue[] = [];
  if (body['resourceType'] !== 'QuestionnaireResponse') {
    issues.push({ field: 'resourceType', messages: ['resourceType must be QuestionnaireResponse'] });
  }
  if (body['status'] !== 'completed') {
    issues.push({ field: 'status', messages: ['status must be completed'] });
  }
  const screeningId = screeningIdOf(body);
  if ('issue' in screeningId) issues.push(screeningId.issue);
  const memberId = memberIdOf(body);
  if ('issue' in memberId) issues.push(memberId.issue);
  const authored = body['authored'];
  if (typeof authored !== 'string' || !isIsoInstant(authored)) {
    issues.push({ field: 'authored', messages: ['authored must be an ISO-8601 instant with a time zone'] });
  } else {
    const future = futureInstantIssue('authored', authored, now);
    if (future !== undefined) issues.push(future);
  }
  if (sex !== undefined && !(ADMINISTRATIVE_SEXES as readonly string[]).includes(sex)) {
    issues.push({ field: 'sex', messages: [`sex must be one of ${ADMINISTRATIVE_SEXES.join(', ')}`] });
  }
  const shape: ValidationIssue[] = [];
  shapeIssues(body['item'], 'item', shape);
  issues.push(...shape);
  if (shape.length > 0) return { ok: false, issues };

  const response = body as unknown as FhirQuestionnaireResponse;
  /** A rejection, carrying the item-9 signal and, for a risk with routable ids, the incomplete screening. */
  const rejected = (signal: Phq9SafetySignal | undefined): SubmissionCheck => {
    const incomplete = incompleteScreeningOf(
      signal,
      {
        screeningId: 'value' in screeningId ? screeningId.value : undefined,
        memberId: 'value' in memberId ? memberId.value : undefined,
        completedAt: authored,
        source: 'fhir',
        received: body,
      },
      now,
    );
    return {
      ok: false,
      issues,
      ...(signal !== undefined && { safetySignal: signal }),
      ...(incomplete !== undefined && { incomplete }),
    };
  };
  const instrument = instrumentOf(body);
  if ('issue' in instrument) {
    issues.push(instrument.issue);
    // The panel is unknown: item 9 is read by its LOINC code, and only a risk is reported.
    const signal = phq9SafetySignalInResponse(response);
    return rejected(signal === 'risk' ? signal : undefined);
  }
  const definition = INSTRUMENT_DEFINITIONS[instrument.instrument];
  const mapped = answersFromQuestionnaireResponse(definition, response);
  if (!mapped.ok) {
    for (const issue of mapped.issues) {
      const loinc = definition.items.find((item) => String(item.number) === issue.item)?.loinc ?? issue.item;
      issues.push({ field: `item[${loinc}]`, messages: [issue.message] });
    }
  }
  if (!mapped.ok || 'issue' in screeningId || 'issue' in memberId || issues.length > 0) {
    return rejected(instrument.instrument === 'phq-9' ? phq9SafetySignalInResponse(response) : undefined);
  }
  return {
    ok: true,
    submission: {
      screeningId: screeningId.value,
      memberId: memberId.value,
      answers: mapped.answers,
      sex: (sex ?? 'unknown') as AdministrativeSex,
      completedAt: new Date(authored as string).toISOString(),
      source: 'fhir',
      questionnaireResponse: body,
    },
  };
}
