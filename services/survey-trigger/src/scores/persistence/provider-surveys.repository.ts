import type { ProviderSurveyTally, SurveyTopicId } from '@care/clinical';
import type { EntityManager } from 'typeorm';

/** A provider's surveys for visits between `from` and `to`: sent, answered, and every answer counted by value. */
export async function tallyProviderSurveys(
  manager: EntityManager,
  npi: string,
  from: string,
  to: string,
): Promise<
  ProviderSurveyTally & { readonly providerName: string | null; readonly practiceName: string | null }
> {
  const [counts] = await manager.query<
    Array<{ sent: number; responses: number; provider_name: string | null; practice_name: string | null }>
  >(
    `SELECT count(*)::int AS sent, count(r.survey_id)::int AS responses,
            (array_agg(v.provider_name ORDER BY v.service_date DESC) FILTER (WHERE v.provider_name IS NOT NULL))[1] AS provider_name,
            (array_agg(v.practice_name ORDER BY v.service_date DESC) FILTER (WHERE v.practice_name IS NOT NULL))[1] AS practice_name
       FROM visits v LEFT JOIN survey_responses r ON r.survey_id = v.visit_id
      WHERE v.status = 'surveyed' AND v.provider_npi = $1 AND v.service_date BETWEEN $2::date AND $3::date`,
    [npi, from, to],
  );
  const answers = await manager.query<Array<{ topic: string; value: number; count: number }>>(
    `SELECT a.topic, a.value, count(*)::int AS count
       FROM visits v JOIN survey_answers a ON a.survey_id = v.visit_id
      WHERE v.status = 'surveyed' AND v.provider_npi = $1 AND v.service_date BETWEEN $2::date AND $3::date
      GROUP BY a.topic, a.value`,
    [npi, from, to],
  );
  return {
    surveysSent: counts?.sent ?? 0,
    responses: counts?.responses ?? 0,
    providerName: counts?.provider_name ?? null,
    practiceName: counts?.practice_name ?? null,
    answers: answers.map((row) => ({
      topic: row.topic as SurveyTopicId,
      value: row.value,
      count: row.count,
    })),
  };
}
