import 'reflect-metadata'; // class-transformer's @Type reads design-time types when the class is declared
import { IsIn, IsUUID, Matches } from 'class-validator';
import { IsIsoInstant } from '../../validators/iso-instant.validator';
import { IsMemberId } from '../../validators/member-id.validator';
import { IsNpi } from '../../validators/npi.validator';
import { OptionalField } from '../../validators/optional-field.validator';
import { RequiredWhen } from '../../validators/required-when.validator';
import { LANGUAGE_TAG_PATTERN } from '../member-eligibility-changed/contact-preferences.payload';
import {
  ALERT_AUDIENCES,
  ALERT_CHANNELS,
  type AlertAudience,
  type AlertChannel,
} from '../care-gap-detected/care-gap.enums';
import { RULE_TOKEN_PATTERN } from '../member-identified/member-identified.payload';

/**
 * CONTRACT: payload of `care-alert-issued` v1: an alert about a care gap for the delivery vendors (mail house, email,
 * phone outreach, provider portal). It names the template, never the clinical details: the vendor renders the
 * template for the recipient. Issued at most once per gap occurrence and audience.
 */
export class CareAlertIssuedPayload {
  @IsUUID()
  alertId!: string;

  @IsUUID()
  gapId!: string;

  @IsMemberId()
  memberId!: string;

  @Matches(RULE_TOKEN_PATTERN)
  ruleId!: string;

  /**
   * The version of the rule that opened the gap the alert is about. Absent from producers older than issue 21 (the
   * gap's `care-gap-detected` carries it too).
   */
  @OptionalField()
  @Matches(RULE_TOKEN_PATTERN)
  ruleVersion?: string;

  /**
   * The code set release (NDC drug classes, value sets) the rule was evaluated with, beside its version. Absent from
   * producers older than code set releases (issue 21).
   */
  @OptionalField()
  @Matches(RULE_TOKEN_PATTERN)
  codeSetRelease?: string;

  @IsIn(ALERT_AUDIENCES)
  audience!: AlertAudience;

  @IsIn(ALERT_CHANNELS)
  channel!: AlertChannel;

  /** The doctor (audience `provider`). */
  @RequiredWhen((payload: CareAlertIssuedPayload) => payload.audience === 'provider', 'audience is provider')
  @IsNpi()
  providerNpi?: string;

  /** The member's preferred language (audience `member`). */
  @OptionalField()
  @Matches(LANGUAGE_TAG_PATTERN)
  language?: string;

  /** Template the vendor renders: `<rule id>.<audience>`. */
  @Matches(/^[a-z0-9][a-z0-9.-]{0,99}$/)
  templateId!: string;

  @IsIsoInstant()
  issuedAt!: string;
}
