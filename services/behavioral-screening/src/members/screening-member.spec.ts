import { auditCSexOf } from './screening-member';

describe('the sex that selects the AUDIT-C cut-off', () => {
  it("uses the roster's female or male when the submission has none", () => {
    expect(auditCSexOf('unknown', 'male')).toEqual({ sex: 'male', source: 'roster' });
    expect(auditCSexOf('unknown', 'female')).toEqual({ sex: 'female', source: 'roster' });
  });

  it("keeps the roster's value when the submission contradicts it, and records the contradiction", () => {
    expect(auditCSexOf('female', 'male')).toEqual({ sex: 'male', source: 'roster', contradicted: 'female' });
    expect(auditCSexOf('male', 'male')).toEqual({ sex: 'male', source: 'roster' });
  });

  it("uses the submission's sex when the roster records none, or other", () => {
    expect(auditCSexOf('male', undefined)).toEqual({ sex: 'male', source: 'submission' });
    expect(auditCSexOf('female', 'unknown')).toEqual({ sex: 'female', source: 'submission' });
    expect(auditCSexOf('male', 'other')).toEqual({ sex: 'male', source: 'submission' });
  });

  it('falls back to the sensitive cut-off when neither says', () => {
    expect(auditCSexOf('unknown', undefined)).toEqual({ sex: 'unknown', source: 'none' });
    expect(auditCSexOf('unknown', 'unknown')).toEqual({ sex: 'unknown', source: 'none' });
    expect(auditCSexOf('unknown', 'other')).toEqual({ sex: 'other', source: 'roster' });
  });
});
