import { IsBoolean, IsIn, Matches } from 'class-validator';
import { CONTACT_CHANNELS, type ContactChannel } from './member.enums';

/** A language tag: ISO 639-1 language, optionally with an ISO 3166 region (`en`, `es-US`). */
export const LANGUAGE_TAG_PATTERN = /^[a-z]{2}(?:-[A-Z]{2})?$/;

/** CONTRACT: how a member wants to be contacted. */
export class ContactPreferences {
  @IsIn(CONTACT_CHANNELS)
  preferredChannel!: ContactChannel;

  @Matches(LANGUAGE_TAG_PATTERN, { message: '$property must be a language tag such as en or es-US' })
  language!: string;

  /** Whether the member agreed to receive email. */
  @IsBoolean()
  emailConsent!: boolean;
}
