import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { api } from '../api';
import { hasRole, useUser, WORKER_ROLES } from '../session';
import type { GapRuleSummary, MemberView, Section as SectionOf } from '../types';
import { ErrorNote, Forbidden, formatDateTime, Section, TaskWhy } from './common';
import { EnrollmentActions } from './EnrollmentActions';
import { OpenCaseForm } from './OpenCaseForm';
import { ScreeningForm } from './ScreeningForm';
// The chart library is loaded with the first chart, not with the console.
const ScreeningTrendChart = lazy(() =>
  import('./ScreeningTrendChart').then((module) => ({ default: module.ScreeningTrendChart })),
);
import { gapCloseReason, gapOpenReason } from './gap-reason';
import { describeTask, TASK_KIND_LABELS } from './task-reason';
import { TaskActions } from './TaskActions';

/** A part the service could not give: its status, said plainly (the rest of the page still shows). */
function Unavailable({ section, what }: { section: SectionOf<unknown>; what: string }) {
  if (section.ok) return null;
  const text =
    section.status === 403
      ? `Your role does not show ${what}.`
      : section.status === 404
        ? `No ${what} on record.`
        : `${what} could not be loaded (${section.status}).`;
  return <p className="muted">{text}</p>;
}

const evidenceClaimsOf = (evidence: unknown): string[] => {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (typeof value === 'object' && value !== null)
      for (const [key, inner] of Object.entries(value)) {
        if (key === 'claimId' && typeof inner === 'string') found.add(inner);
        else walk(inner);
      }
  };
  walk(evidence);
  return [...found];
};

/** The member view: everything a coach needs on one page, each part from the service that owns it. */
export function MemberPage() {
  const { memberId = '' } = useParams();
  const [search] = useSearchParams();
  const focusTask = search.get('task');
  const user = useUser();
  const allowed = hasRole(user, ...WORKER_ROLES);
  const view = useQuery({
    queryKey: ['member', memberId],
    queryFn: () => api<MemberView>(`/members/${encodeURIComponent(memberId)}`),
    enabled: allowed,
  });
  const gapRules = useQuery({
    queryKey: ['reference', 'gap-rules'],
    queryFn: () => api<{ rules: GapRuleSummary[] }>('/reference/gap-rules'),
    enabled: allowed,
    staleTime: Infinity,
  });
  if (!allowed) return <Forbidden what="member records" />;
  if (view.isError) return <ErrorNote error={view.error} />;
  if (view.data === undefined) return <p aria-live="polite">Loading member {memberId}…</p>;
  const { sections } = view.data;
  const record = sections.member.ok ? sections.member.data : undefined;
  const tasks = sections.tasks.ok ? sections.tasks.data : [];
  const urgent = tasks.filter((task) => task.priority === 'urgent');
  const conditions = sections.conditions.ok ? sections.conditions.data.conditions : [];
  const gaps = sections.gaps.ok ? sections.gaps.data.gaps : [];
  const gapRule = (ruleId: string): GapRuleSummary | undefined =>
    gapRules.data?.rules.find((rule) => rule.ruleId === ruleId);
  const screenings = sections.screenings.ok ? sections.screenings.data : undefined;
  const phq9 = screenings?.trends.find((trend) => trend.instrument === 'phq-9');
  const visits = sections.surveyVisits.ok ? visitsOf(sections.surveyVisits.data) : [];
  const cases = sections.cases.ok ? sections.cases.data : [];
  const enrollments = sections.enrollment.ok ? enrollmentsOf(sections.enrollment.data) : [];
  const notes = sections.notes.ok ? sections.notes.data : [];

  return (
    <>
      <h1>
        {record ? `${record.member.firstName} ${record.member.lastName}` : 'Member'}{' '}
        <span className="muted">{memberId}</span>
      </h1>
      {urgent.length > 0 && (
        <div role="alert" className="urgent-banner">
          Urgent: {urgent.map(describeTask).join('; ')}. Reach the member today.
        </div>
      )}
      <div className="grid">
        <Section title="Member" id="member-title">
          <Unavailable section={sections.member} what="roster record" />
          {record && (
            <dl className="facts">
              <dt>Born</dt>
              <dd>{record.member.birthDate}</dd>
              <dt>Sex</dt>
              <dd>{record.member.sex}</dd>
              <dt>Relationship</dt>
              <dd>{record.member.relationship}</dd>
              <dt>Phone</dt>
              <dd>{record.member.phone ?? '—'}</dd>
              <dt>Email</dt>
              <dd>{record.member.email ?? '—'}</dd>
              <dt>Contact preferences</dt>
              <dd>{describePreferences(record.member.contactPreferences)}</dd>
              <dt>Opt-outs</dt>
              <dd>{record.member.optOuts?.length ? record.member.optOuts.join(', ') : 'none'}</dd>
              <dt>Primary care</dt>
              <dd>
                {record.member.attributedPcp
                  ? (record.member.attributedPcp.name ?? record.member.attributedPcp.npi)
                  : '—'}
              </dd>
              <dt>Household</dt>
              <dd>
                {record.household.length === 0
                  ? 'no other members'
                  : record.household
                      .map((other) => `${other.firstName} ${other.lastName} (${other.relationship})`)
                      .join(', ')}
              </dd>
            </dl>
          )}
        </Section>
        <Section title="Program enrollment" id="enrollment-title">
          <Unavailable section={sections.enrollment} what="enrollment" />
          {enrollments.length === 0 ? (
            <p>Not enrolled in any program.</p>
          ) : (
            <ul>
              {enrollments.map((enrollment) => (
                <li key={enrollment.programId}>
                  {enrollment.programId}: <strong>{enrollment.status}</strong> (
                  {formatDateTime(enrollment.changedAt)})
                </li>
              ))}
            </ul>
          )}
          <EnrollmentActions memberId={memberId} />
        </Section>
      </div>

      <Section title="Tasks" id="tasks-title">
        <Unavailable section={sections.tasks} what="tasks" />
        {tasks.length === 0 && sections.tasks.ok && <p>No open task for this member in your queues.</p>}
        <ul className="task-list">
          {tasks.map((task) => (
            <li key={task.taskId} className={`priority-${task.priority}`}>
              <p>
                <span className="badge">{task.priority}</span> <TaskWhy task={task} />; due{' '}
                {formatDateTime(task.dueAt)}; {task.status}
                {task.assignee ? ` (held by ${task.assignee === user.subject ? 'you' : task.assignee})` : ''}
              </p>
              <TaskActions task={task} defaultOpen={task.taskId === focusTask} />
            </li>
          ))}
        </ul>
      </Section>

      <Section title="Notes" id="notes-title">
        <Unavailable section={sections.notes} what="notes" />
        {notes.length === 0 && sections.notes.ok && <p>No note on this member's tasks.</p>}
        {notes.length > 0 && (
          <ul className="notes" aria-label="Notes on all tasks">
            {notes.map((note) => (
              <li key={note.noteId}>
                <span className="muted">
                  {note.author}, {formatDateTime(note.createdAt)}, on{' '}
                  {TASK_KIND_LABELS[note.taskKind] ?? note.taskKind} ({note.taskStatus}):
                </span>{' '}
                {note.text}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Identified conditions" id="conditions-title">
        <Unavailable section={sections.conditions} what="conditions" />
        {conditions.length === 0 && sections.conditions.ok && <p>No condition identified.</p>}
        {conditions.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">Condition</th>
                <th scope="col">Status</th>
                <th scope="col">Rule</th>
                <th scope="col">Identified</th>
                <th scope="col">Evidence claims</th>
              </tr>
            </thead>
            <tbody>
              {conditions.map((condition) => (
                <tr key={condition.conditionId}>
                  <th scope="row">{condition.name}</th>
                  <td>{condition.status}</td>
                  <td>
                    {condition.ruleId} v{condition.ruleVersion}
                  </td>
                  <td>{formatDateTime(condition.identification?.identifiedAt)}</td>
                  <td>
                    {evidenceClaimsOf(
                      condition.identification?.evidence ?? condition.evaluation.evidence,
                    ).join(', ') || '—'}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section title="Care gaps" id="gaps-title">
        <Unavailable section={sections.gaps} what="care gaps" />
        {gaps.length === 0 && sections.gaps.ok && <p>No care gap.</p>}
        {gaps.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">Gap</th>
                <th scope="col">Status</th>
                <th scope="col">Why</th>
                <th scope="col">Opened</th>
                <th scope="col">What closes it</th>
              </tr>
            </thead>
            <tbody>
              {[...gaps]
                .sort((a, b) => (a.status === b.status ? 0 : a.status === 'open' ? -1 : 1))
                .map((gap) => (
                  <tr key={gap.gapId}>
                    <th scope="row">
                      {gapRule(gap.ruleId)?.name ?? gap.ruleId}{' '}
                      <span className="muted">
                        ({gap.ruleId} {gap.ruleVersion})
                      </span>
                    </th>
                    <td>{gap.status}</td>
                    <td>{gapOpenReason(gap.reason)}</td>
                    <td>{gap.openedOn}</td>
                    <td>
                      {gap.status === 'closed'
                        ? `closed: ${`${gap.closeReason === null ? '' : gapCloseReason(gap.closeReason)} ${gap.closingClaimIds.join(', ')}`.trim()}`
                        : (gapRule(gap.ruleId)?.closedBy ?? 'a claim for the missing care')}
                    </td>
                  </tr>
                ))}
            </tbody>
          </table>
        )}
      </Section>

      <Section title="Screenings" id="screenings-title">
        <Unavailable section={sections.screenings} what="screenings" />
        {phq9 && phq9.series.length > 0 && (
          <Suspense fallback={<p aria-live="polite">Loading the PHQ-9 trend…</p>}>
            <ScreeningTrendChart series={phq9.series} />
          </Suspense>
        )}
        {screenings && screenings.screenings.length > 0 && (
          <table>
            <thead>
              <tr>
                <th scope="col">Done</th>
                <th scope="col">Instrument</th>
                <th scope="col">Total</th>
                <th scope="col">Severity</th>
                <th scope="col">Result</th>
              </tr>
            </thead>
            <tbody>
              {screenings.screenings.map((screening) => (
                <tr key={screening.screeningId}>
                  <th scope="row">{formatDateTime(screening.completedAt)}</th>
                  <td>{screening.instrument}</td>
                  <td>{screening.total}</td>
                  <td>{screening.severity ?? '—'}</td>
                  <td>
                    {screening.positive ? 'positive' : 'negative'}
                    {screening.safetyFlag ? ', self-harm answer' : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {hasRole(user, 'coach', 'advocate') && <ScreeningForm memberId={memberId} />}
      </Section>

      <Section title="Office visits (post-visit surveys)" id="visits-title">
        <Unavailable section={sections.surveyVisits} what="visits" />
        {visits.length === 0 && sections.surveyVisits.ok && <p>No office visit seen in claims.</p>}
        {visits.length > 0 && (
          <ul>
            {visits.map((visit) => (
              <li key={visit.visitId}>
                {visit.serviceDate}: {visit.provider?.name ?? visit.provider?.npi ?? 'provider'},{' '}
                {visit.status}
                {visit.surveyId ? ' (surveyed)' : ''}
              </li>
            ))}
          </ul>
        )}
      </Section>

      <Section title="Advocacy cases" id="cases-title">
        <Unavailable section={sections.cases} what="cases" />
        {cases.length === 0 && sections.cases.ok && <p>No case.</p>}
        {cases.length > 0 && (
          <ul>
            {cases.map((item) => (
              <li key={item.caseId}>
                <Link to={`/cases/${item.caseId}`}>
                  {item.category}: {item.status}, opened {formatDateTime(item.openedAt)}
                </Link>
              </li>
            ))}
          </ul>
        )}
        {record && <OpenCaseForm record={record} />}
      </Section>
    </>
  );
}

interface VisitItem {
  visitId: string;
  serviceDate: string;
  status: string;
  surveyId: string | null;
  provider?: { npi: string; name: string | null };
}
function visitsOf(data: unknown): VisitItem[] {
  if (Array.isArray(data)) return data as VisitItem[];
  const visits = (data as { visits?: unknown } | null)?.visits;
  return Array.isArray(visits) ? (visits as VisitItem[]) : [];
}

interface EnrollmentItem {
  programId: string;
  status: string;
  changedAt: string;
}
function enrollmentsOf(data: unknown): EnrollmentItem[] {
  if (Array.isArray(data)) return data as EnrollmentItem[];
  const items = (data as { enrollments?: unknown } | null)?.enrollments;
  return Array.isArray(items) ? (items as EnrollmentItem[]) : [];
}

function describePreferences(preferences: Record<string, unknown>): string {
  const parts = Object.entries(preferences)
    .filter(([, value]) => value !== undefined && value !== null && value !== '')
    .map(([key, value]) => `${key}: ${Array.isArray(value) ? value.join(', ') : String(value)}`);
  return parts.length === 0 ? '—' : parts.join('; ');
}
