import { decideAlerts, type AlertInput } from './decide-alerts';
import type { MemberFacts } from '../members/gap-member.repository';

const PCP = '1500000009';

const facts = (
  overrides: Partial<MemberFacts['preferences']> = {},
  enrollment: string | null = null,
): MemberFacts => ({
  member: { birthDate: '1970-01-01', sex: 'male', conditions: ['diabetes'] },
  preferences: {
    deceased: false,
    optOuts: [],
    preferredChannel: 'email',
    emailAllowed: true,
    hasPhone: true,
    language: 'es',
    pcpNpi: PCP,
    ...overrides,
  },
  enrollment,
});

const decide = (input: Partial<AlertInput> & { facts: MemberFacts }) =>
  decideAlerts({ providerNpi: PCP, recentlyAlerted: new Set(), ...input }).map((decision) => [
    decision.audience,
    decision.status,
    decision.reason,
    decision.channel,
  ]);

describe('decideAlerts', () => {
  it('alerts the member on the preferred channel in their language and the doctor on the portal', () => {
    const decisions = decideAlerts({ facts: facts(), providerNpi: PCP, recentlyAlerted: new Set() });
    expect(decisions).toEqual([
      {
        audience: 'member',
        status: 'issued',
        reason: null,
        channel: 'email',
        providerNpi: null,
        language: 'es',
      },
      {
        audience: 'provider',
        status: 'issued',
        reason: null,
        channel: 'provider-portal',
        providerNpi: PCP,
        language: null,
      },
    ]);
  });

  it.each<[string, Partial<MemberFacts['preferences']>, string]>([
    ['email without consent or address', { preferredChannel: 'email', emailAllowed: false }, 'mail'],
    ['phone without a number', { preferredChannel: 'phone', hasPhone: false }, 'mail'],
    ['phone with a number', { preferredChannel: 'phone' }, 'phone'],
    ['mail', { preferredChannel: 'mail' }, 'mail'],
  ])('falls back to mail when the preferred channel cannot be used: %s', (_name, preferences, channel) => {
    expect(decide({ facts: facts(preferences) })[0]).toEqual(['member', 'issued', null, channel]);
  });

  it.each<[string, Partial<AlertInput> & { facts: MemberFacts }, Array<[string, string, string | null]>]>([
    [
      'opted out of care alerts: the doctor is still told',
      { facts: facts({ optOuts: ['care-alerts'] }) },
      [
        ['member', 'suppressed', 'opted-out'],
        ['provider', 'issued', null],
      ],
    ],
    [
      'opted out of care management: nobody',
      { facts: facts({ optOuts: ['care-management'] }) },
      [
        ['member', 'suppressed', 'program-declined'],
        ['provider', 'suppressed', 'program-declined'],
      ],
    ],
    [
      'declined the care program: nobody',
      { facts: facts({}, 'declined') },
      [
        ['member', 'suppressed', 'program-declined'],
        ['provider', 'suppressed', 'program-declined'],
      ],
    ],
    [
      'enrolled in the care program: both',
      { facts: facts({}, 'enrolled') },
      [
        ['member', 'issued', null],
        ['provider', 'issued', null],
      ],
    ],
    [
      'deceased: nobody',
      { facts: facts({ deceased: true }) },
      [
        ['member', 'suppressed', 'deceased'],
        ['provider', 'suppressed', 'deceased'],
      ],
    ],
    [
      'the member was alerted about this rule within the window',
      { facts: facts(), recentlyAlerted: new Set(['member'] as const) },
      [
        ['member', 'suppressed', 'recently-alerted'],
        ['provider', 'issued', null],
      ],
    ],
    [
      'no doctor known',
      { facts: facts(), providerNpi: null },
      [
        ['member', 'issued', null],
        ['provider', 'suppressed', 'no-provider'],
      ],
    ],
  ])('%s', (_name, input, expected) => {
    expect(decide(input).map(([audience, status, reason]) => [audience, status, reason])).toEqual(expected);
  });
});
