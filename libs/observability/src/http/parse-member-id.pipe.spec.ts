import { BadRequestException } from '@nestjs/common';
import { ParseMemberIdPipe } from './parse-member-id.pipe';

describe('ParseMemberIdPipe', () => {
  const pipe = new ParseMemberIdPipe();

  it('passes a member id through', () => {
    expect(pipe.transform('M-0001.a_b')).toBe('M-0001.a_b');
  });

  it.each(['', 'has space', 'x'.repeat(51), 'semi;colon'])('answers 400 naming memberId for %j', (value) => {
    let thrown: unknown;
    try {
      pipe.transform(value);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(BadRequestException);
    const body = (thrown as BadRequestException).getResponse() as { issues: Array<{ field: string }> };
    expect(body.issues.map((issue) => issue.field)).toEqual(['memberId']);
  });

  it('never echoes the rejected value', () => {
    expect(() => pipe.transform('Jane Doe 1970-01-01')).toThrow(BadRequestException);
    try {
      pipe.transform('Jane Doe 1970-01-01');
    } catch (error) {
      expect(JSON.stringify((error as BadRequestException).getResponse())).not.toContain('Jane');
    }
    expect.assertions(2);
  });
});
