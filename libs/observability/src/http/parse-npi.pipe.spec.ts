import { BadRequestException } from '@nestjs/common';
import { ParseNpiPipe } from './parse-npi.pipe';

describe('ParseNpiPipe', () => {
  const pipe = new ParseNpiPipe();

  // 1234567893: Luhn over 80840123456789 gives check digit 3 (the CMS worked example).
  it.each(['1234567893', '1245319599'])('passes the NPI %s through', (npi) => {
    expect(pipe.transform(npi)).toBe(npi);
  });

  it.each([
    ['a wrong check digit', '1234567890'],
    ['nine digits', '123456789'],
    ['eleven digits', '12345678931'],
    ['letters', '12345678a3'],
    ['empty', ''],
  ])('answers 400 naming npi for %s', (_name, value) => {
    let thrown: unknown;
    try {
      pipe.transform(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BadRequestException);
    const body = (thrown as BadRequestException).getResponse() as { issues: Array<{ field: string }> };
    expect(body.issues.map((issue) => issue.field)).toEqual(['npi']);
    expect(JSON.stringify(body)).not.toContain(value === '' ? '"value"' : value);
  });
});
