import type { MemberRecord } from '@care/contracts';
import { MEMBER_834_GUIDE } from '../members-834/member-834.structure';
import { DEFAULT_SEPARATORS, TEST_RECEIVER, TEST_SENDER, type X12Party } from './x12-837.builder';

/**
 * Test and documentation helper: writes member records as an ASC X12 834 interchange (docs/x12-834.md), the inverse
 * of the mapping: one member loop each, with the maintenance type code given. Sponsor and payer names are made up.
 */
export interface Member834Spec {
  readonly member: MemberRecord;
  /** INS03: 021 addition (default), 001 change, 024 termination, 025 reinstatement, 030 audit. */
  readonly maintenance?: string;
}

const RELATIONSHIP_CODES: Readonly<Record<MemberRecord['relationship'], string>> = {
  subscriber: '18',
  spouse: '01',
  'domestic-partner': '53',
  child: '19',
  parent: '03',
  'parent-in-law': '13',
  'other-dependent': 'G8',
};

const d8 = (date: string): string => date.replace(/-/g, '');

export function interchange834Text(
  specs: readonly Member834Spec[],
  options: { readonly controlNumber: number; readonly sender?: X12Party; readonly receiver?: X12Party },
): string {
  const separators = DEFAULT_SEPARATORS;
  const write = (elements: ReadonlyArray<string | number | undefined>): string =>
    `${elements
      .map((value) => (value === undefined ? '' : String(value)))
      .join(separators.element)
      .replace(/\*+$/, '')}${separators.segment}${separators.lineBreak}`;
  const sender = options.sender ?? TEST_SENDER;
  const receiver = options.receiver ?? TEST_RECEIVER;
  const control = String(options.controlNumber).padStart(9, '0');
  const out: string[] = [];
  out.push(
    `${[
      'ISA',
      '00',
      ' '.repeat(10),
      '00',
      ' '.repeat(10),
      sender.qualifier.padEnd(2),
      sender.id.padEnd(15),
      receiver.qualifier.padEnd(2),
      receiver.id.padEnd(15),
      '250301',
      '1200',
      separators.repetition,
      '00501',
      control,
      '0',
      'T',
      separators.component,
    ].join(separators.element)}${separators.segment}${separators.lineBreak}`,
  );
  out.push(write(['GS', 'BE', sender.id, receiver.id, '20250301', '1200', 1, 'X', MEMBER_834_GUIDE]));
  const set: string[] = [];
  set.push(write(['ST', '834', '0001', MEMBER_834_GUIDE]));
  set.push(write(['BGN', '00', `ENR${control}`, '20250301', '1200', '', '', '', '2']));
  set.push(write(['REF', '38', 'POLICY-4471']));
  set.push(write(['N1', 'P5', 'BLUEFIN MANUFACTURING', 'FI', '123456789']));
  set.push(write(['N1', 'IN', 'EXAMPLE HEALTH PLAN', 'FI', '987654321']));
  for (const { member, maintenance = '021' } of specs) {
    const subscriber = member.relationship === 'subscriber';
    const death = member.deceasedDate === undefined ? [] : ['D8', d8(member.deceasedDate)];
    set.push(
      write([
        'INS',
        subscriber ? 'Y' : 'N',
        RELATIONSHIP_CODES[member.relationship],
        maintenance,
        maintenance === '024' ? '07' : '28',
        'A',
        '',
        '',
        subscriber ? 'FT' : '',
        '',
        ...(death.length > 0 ? ['', ...death] : []),
      ]),
    );
    set.push(write(['REF', '0F', member.subscriberId]));
    set.push(write(['REF', '1L', 'GRP-01']));
    set.push(write(['DTP', '356', 'D8', d8(member.coverage.effectiveDate)]));
    if (member.coverage.terminationDate !== undefined) {
      set.push(write(['DTP', '357', 'D8', d8(member.coverage.terminationDate)]));
    }
    set.push(write(['NM1', 'IL', '1', member.lastName, member.firstName, '', '', '', 'ZZ', member.memberId]));
    const contacts: string[] = [];
    if (member.phone !== undefined) contacts.push('TE', member.phone);
    if (member.email !== undefined) contacts.push('EM', member.email);
    if (contacts.length > 0) set.push(write(['PER', 'IP', '', ...contacts]));
    if (member.address !== undefined) {
      const { address } = member;
      set.push(write(['N3', address.line1, address.line2]));
      set.push(write(['N4', address.city, address.state, address.postalCode.replace('-', '')]));
    }
    const sex = member.sex === 'female' ? 'F' : member.sex === 'male' ? 'M' : 'U';
    set.push(write(['DMG', 'D8', d8(member.birthDate), sex]));
    set.push(write(['LUI', 'LE', member.contactPreferences.language.slice(0, 2)]));
    const line = ['hmo', 'ppo', 'epo', 'pos'].includes(member.planType)
      ? member.planType.toUpperCase()
      : 'HLT';
    const description = line === 'HLT' ? member.planType.toUpperCase() : 'MEDICAL';
    set.push(write(['HD', maintenance, '', line, description, subscriber ? 'EMP' : 'FAM']));
    set.push(write(['DTP', '348', 'D8', d8(member.coverage.effectiveDate)]));
    if (member.coverage.terminationDate !== undefined) {
      set.push(write(['DTP', '349', 'D8', d8(member.coverage.terminationDate)]));
    }
  }
  set.push(write(['SE', set.length + 1, '0001']));
  out.push(...set);
  out.push(write(['GE', 1, 1]));
  out.push(write(['IEA', 1, control]));
  return out.join('');
}
