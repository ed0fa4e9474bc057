import type { EntityManager } from 'typeorm';
import type { PatientToMatch } from '../claims-837/claim-837.mapper';

/** The roster member a 2000C patient is, or why none can be named (no values, no PHI). */
export type PatientMatch = { readonly memberId: string } | { readonly problem: string };

/**
 * Finds the roster members that 2000C patients are: among the members whose subscriber is the claim's subscriber,
 * the one of a relationship PAT01 allows and the birth date of DMG02; the first name (case aside) only tells
 * apart two that both match (twins). One query for all the patients given.
 */
export async function matchPatients(
  manager: EntityManager,
  patients: readonly PatientToMatch[],
): Promise<PatientMatch[]> {
  if (patients.length === 0) return [];
  const subscribers = [...new Set(patients.map((patient) => patient.subscriberId))];
  const rows = await manager.query<
    Array<{
      member_id: string;
      subscriber_id: string;
      relationship: string;
      birth_date: string | null;
      first_name: string | null;
    }>
  >(
    `SELECT member_id, subscriber_id, relationship, record->>'birthDate' AS birth_date,
            lower(record->>'firstName') AS first_name
       FROM members WHERE subscriber_id = ANY($1::text[])`,
    [subscribers],
  );
  return patients.map((patient): PatientMatch => {
    if (patient.birthDate === undefined) {
      return {
        problem: 'the patient has no birth date (DMG02 of loop 2010CA) to find them on the roster by',
      };
    }
    const family = rows.filter((row) => row.subscriber_id === patient.subscriberId);
    if (family.length === 0) {
      return {
        problem: 'the subscriber (NM109 of loop 2010BA) has no family on the roster: send the 834 first',
      };
    }
    const candidates = family.filter(
      (row) =>
        row.birth_date === patient.birthDate &&
        (patient.relationships === 'any' ||
          (patient.relationships as readonly string[]).includes(row.relationship)),
    );
    const named =
      candidates.length > 1 && patient.firstName !== undefined
        ? candidates.filter((row) => row.first_name === patient.firstName?.toLowerCase())
        : candidates;
    const [only, ...others] = named;
    if (only !== undefined && others.length === 0) return { memberId: only.member_id };
    return {
      problem:
        named.length === 0
          ? "no member of the subscriber's family on the roster has the patient's relationship (PAT01) and birth date (DMG02)"
          : "more than one member of the subscriber's family on the roster matches the patient's relationship, birth date and first name",
    };
  });
}
