import type { InterchangeAcknowledgment, SetAcknowledgment } from './acknowledgment.types';
import { build999 } from './build-999';

const NOW = new Date('2026-03-04T05:06:00Z');

const identity = {
  senderQualifier: 'ZZ',
  senderId: 'CLEARINGHOUSE01',
  receiverQualifier: '30',
  receiverId: '123456789',
  date: '260304',
  time: '0500',
  controlNumber: '000000321',
  usage: 'P',
  acknowledgmentRequested: '0',
};

const set = (overrides: Partial<SetAcknowledgment> = {}): SetAcknowledgment => ({
  id: '837',
  control: '0001',
  implementation: '005010X222A1',
  code: 'A',
  problems: [],
  segmentErrors: [],
  ...overrides,
});

const ack = (overrides: Partial<InterchangeAcknowledgment> = {}): InterchangeAcknowledgment => ({
  interchange: identity,
  code: 'A',
  problems: [],
  groups: [
    {
      functionalId: 'HC',
      control: '17',
      version: '005010X222A1',
      sender: 'SUBMITTER',
      receiver: 'PAYER',
      code: 'A',
      problems: [],
      sets: [set()],
      included: 1,
      received: 1,
    },
  ],
  ...overrides,
});

const segmentsOf = (text: string): string[] => text.split('~\n').filter((segment) => segment !== '');

describe('the 999 implementation acknowledgment', () => {
  it('goes back from receiver to sender under the inbound control number, one 999 per group, with counts that add up', () => {
    const text = build999(ack(), NOW);
    expect(segmentsOf(text)).toEqual([
      'ISA*00*          *00*          *30*123456789      *ZZ*CLEARINGHOUSE01*260304*0506*^*00501*000000321*0*P*:',
      'GS*FA*PAYER*SUBMITTER*20260304*0506*321*X*005010X231A1',
      'ST*999*0001*005010X231A1',
      'AK1*HC*17*005010X222A1',
      'AK2*837*0001*005010X222A1',
      'IK5*A',
      'AK9*A*1*1*1',
      'SE*6*0001',
      'GE*1*321',
      'IEA*1*000000321',
    ]);
    // The ISA is fixed length.
    expect(segmentsOf(text)[0]).toHaveLength(105);
  });

  it('reports each segment in error with IK3, the claim in CTX and each element in IK4, and never copies the bad value', () => {
    const text = build999(
      ack({
        groups: [
          {
            ...ack().groups[0],
            code: 'E',
            sets: [
              set({
                code: 'E',
                problems: [{ code: 'I5', message: 'records of the set are in error' }],
                segmentErrors: [
                  {
                    tag: 'SV1',
                    position: 27,
                    loop: '2400',
                    code: '8',
                    claimId: 'PCN*7:1',
                    elements: [
                      { position: 1, component: 2, reference: '234', code: '7' },
                      { position: 4, reference: '380', code: '1' },
                    ],
                    message: 'lines[0]: ...',
                  },
                ],
              }),
            ],
          },
        ],
      }),
      NOW,
    );
    expect(segmentsOf(text).slice(4, 11)).toEqual([
      'AK2*837*0001*005010X222A1',
      'IK3*SV1*27*2400*8',
      'CTX*CLM01:PCN71',
      'IK4*1:2*234*7',
      'IK4*4*380*1',
      'IK5*E*I5',
      'AK9*E*1*1*1',
    ]);
    expect(text).toContain('SE*10*0001~');
  });

  it('adds a TA1 when the envelope had problems or the sender asked for one, and writes only the TA1 for a refused interchange', () => {
    expect(build999(ack({ interchange: { ...identity, acknowledgmentRequested: '1' } }), NOW)).toContain(
      'TA1*000000321*260304*0500*A*000~',
    );
    const refused = build999(
      { interchange: identity, code: 'R', problems: [{ code: '025', message: 'duplicate' }], groups: [] },
      NOW,
    );
    expect(segmentsOf(refused).map((segment) => segment.slice(0, 3))).toEqual(['ISA', 'TA1', 'IEA']);
    expect(refused).toContain('TA1*000000321*260304*0500*R*025~');
    expect(refused).toContain('IEA*0*000000321~');
  });
});
