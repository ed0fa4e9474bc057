import { X12FormatError } from './x12-format.error';

/** The separators an interchange declares in its ISA. */
export interface X12Delimiters {
  readonly element: string;
  readonly component: string;
  readonly repetition: string;
  readonly segment: string;
}

/** The ISA segment: its 16 elements as written (fixed width, padding kept) and the separators it declares. */
export interface InterchangeHeader {
  readonly elements: readonly string[];
  readonly delimiters: X12Delimiters;
}

/** An ISA is fixed length: 106 characters with its segment terminator. */
export const ISA_LENGTH = 106;

/** Width of ISA01..ISA16. */
const ISA_ELEMENT_WIDTHS = [2, 10, 2, 10, 2, 15, 2, 15, 6, 4, 1, 5, 9, 1, 1, 1] as const;

/**
 * Reads an ISA from its fixed layout (the only way to learn the separators): the element separator is the 4th
 * character, the component separator ISA16 the 105th, the segment terminator the 106th. Throws
 * {@link X12FormatError} naming what is wrong when the text is not an ISA of that layout. Element values are checked
 * by the envelope reader (they are acknowledged in the TA1), not here.
 */
export function readInterchangeHeader(text: string): InterchangeHeader {
  if (!text.startsWith('ISA')) {
    throw new X12FormatError('the file is not an X12 interchange: it does not start with an ISA segment');
  }
  if (text.length < ISA_LENGTH) {
    throw new X12FormatError(
      `the ISA segment is ${text.length} characters long; it must be ${ISA_LENGTH} with its terminator`,
    );
  }
  const element = text.charAt(3);
  const elements: string[] = [];
  let position = 4;
  for (const [index, width] of ISA_ELEMENT_WIDTHS.entries()) {
    elements.push(text.slice(position, position + width));
    position += width;
    const expected = index === ISA_ELEMENT_WIDTHS.length - 1 ? undefined : element;
    if (expected !== undefined) {
      if (text.charAt(position) !== expected) {
        throw new X12FormatError(
          `the ISA segment is not in its fixed layout: ISA${String(index + 1).padStart(2, '0')} must be ` +
            `${width} characters followed by the element separator (character ${position + 1})`,
        );
      }
      position += 1;
    }
  }
  const delimiters: X12Delimiters = {
    element,
    component: text.charAt(104),
    repetition: text.charAt(82),
    segment: text.charAt(105),
  };
  const named: Array<[string, string]> = [
    ['element separator', delimiters.element],
    ['component separator (ISA16)', delimiters.component],
    ['segment terminator', delimiters.segment],
  ];
  for (const [name, value] of named) {
    if (/[A-Za-z0-9 ]/.test(value)) {
      throw new X12FormatError(`the ISA declares a letter, digit or space as its ${name}`);
    }
  }
  if (new Set(named.map(([, value]) => value)).size !== named.length) {
    throw new X12FormatError('the ISA declares the same character for two separators');
  }
  return { elements, delimiters };
}
