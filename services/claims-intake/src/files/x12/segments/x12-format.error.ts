/** The input is not an X12 interchange at all (no readable ISA, a segment that never ends). Answered 400. */
export class X12FormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'X12FormatError';
  }
}
