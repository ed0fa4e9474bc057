import { IsCalendarDate } from '../../validators/calendar-date.validator';
import { IsOnOrAfter } from '../../validators/date-on-or-after.validator';
import { OptionalField } from '../../validators/optional-field.validator';

/** CONTRACT: a member's coverage period; open-ended when `terminationDate` is absent. */
export class Coverage {
  @IsCalendarDate()
  effectiveDate!: string;

  /** Last covered day, on or after `effectiveDate`. */
  @OptionalField()
  @IsCalendarDate()
  @IsOnOrAfter('effectiveDate')
  terminationDate?: string;
}
