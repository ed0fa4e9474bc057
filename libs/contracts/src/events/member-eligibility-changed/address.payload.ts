import { IsString, Length, Matches } from 'class-validator';
import { OptionalField } from '../../validators/optional-field.validator';

/** A US state, district or territory code: two letters. */
export const STATE_CODE_PATTERN = /^[A-Za-z]{2}$/;
/** A ZIP or ZIP+4 code. */
export const POSTAL_CODE_PATTERN = /^\d{5}(?:-\d{4})?$/;

/** CONTRACT: a member's postal address. */
export class Address {
  @IsString()
  @Length(1, 100)
  line1!: string;

  @OptionalField()
  @IsString()
  @Length(1, 100)
  line2?: string;

  @IsString()
  @Length(1, 100)
  city!: string;

  @Matches(STATE_CODE_PATTERN, { message: '$property must be a 2-letter state code' })
  state!: string;

  @Matches(POSTAL_CODE_PATTERN, { message: '$property must be a ZIP code (5 digits or ZIP+4)' })
  postalCode!: string;
}
