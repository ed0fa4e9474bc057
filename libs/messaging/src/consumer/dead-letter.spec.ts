import { stringHeaders } from './dead-letter';

describe('message headers as strings', () => {
  it('decodes buffer values as UTF-8 and keeps string values', () => {
    expect(
      stringHeaders({
        'event-id': Buffer.from('0b7c7a38-3f0e-4a4e-9a55-3d2f4f3f1a11'),
        type: 'claims-inbound',
        'x-note': Buffer.from('café ✓', 'utf8'),
      }),
    ).toEqual({
      'event-id': '0b7c7a38-3f0e-4a4e-9a55-3d2f4f3f1a11',
      type: 'claims-inbound',
      'x-note': 'café ✓',
    });
  });

  it('keeps the last value of a repeated header', () => {
    expect(stringHeaders({ traceparent: [Buffer.from('first'), 'second', Buffer.from('third')] })).toEqual({
      traceparent: 'third',
    });
  });

  it('drops headers without a value', () => {
    expect(stringHeaders({ empty: [], missing: undefined, kept: '' })).toEqual({ kept: '' });
  });

  it('gives an empty record for a message without headers', () => {
    expect(stringHeaders(undefined)).toEqual({});
    expect(stringHeaders({})).toEqual({});
  });
});
