import { validateSubmission } from '../events/validate-submission';
import { classifyProcedureCode, IsProcedureCode, isProcedureCode } from './procedure-code.validator';

class Line {
  @IsProcedureCode()
  procedureCode!: string;
}

describe('classifyProcedureCode', () => {
  it.each([
    ['99213', 'cpt'],
    ['00100', 'cpt'],
    ['3044F', 'cpt-ii'],
    ['3044f', 'cpt-ii'],
    ['0042T', 'cpt-iii'],
    ['0042t', 'cpt-iii'],
    ['J1885', 'hcpcs'],
    ['G0439', 'hcpcs'],
    ['g0439', 'hcpcs'],
    ['A0425', 'hcpcs'],
    ['V2020', 'hcpcs'],
  ])('%s is %s', (code, family) => {
    expect(classifyProcedureCode(code)).toBe(family);
    expect(isProcedureCode(code)).toBe(true);
  });

  it.each([
    ['9921'],
    ['992130'],
    ['W1234'],
    ['X1234'],
    ['J188'],
    ['A123B'],
    ['0042TT'],
    ['3044G'],
    ['99 13'],
    [''],
  ])('rejects %s', (code) => {
    expect(classifyProcedureCode(code)).toBeUndefined();
    expect(isProcedureCode(code)).toBe(false);
  });
});

describe('IsProcedureCode', () => {
  it('names the field', () => {
    expect(validateSubmission(Line, { procedureCode: 'X1234' }, { forbidUnknownFields: true })).toEqual({
      ok: false,
      issues: [
        {
          field: 'procedureCode',
          messages: ['procedureCode must be a CPT, CPT II, CPT III or HCPCS Level II code'],
        },
      ],
    });
  });
});
