/** CONTRACT: how a gap rule decides (see docs/clinical/care-gap-rules.md). */
export const GAP_KINDS = ['service', 'control', 'adherence', 'refill'] as const;
export type GapKindName = (typeof GAP_KINDS)[number];

/** CONTRACT: why a gap is open. */
export const GAP_OPEN_REASONS = ['no-service', 'poor-control', 'no-result', 'below-threshold', 'refill-late'] as const;
export type GapOpenReason = (typeof GAP_OPEN_REASONS)[number];

/**
 * CONTRACT: why a gap closed: the claim that satisfies it arrived, the member is no longer eligible (condition
 * retracted, aged out, therapy stopped), an exclusion applies, or a new rule version no longer opens it.
 */
export const GAP_CLOSE_REASONS = ['satisfied', 'no-longer-eligible', 'excluded', 'rule-changed'] as const;
export type GapCloseReason = (typeof GAP_CLOSE_REASONS)[number];

/** CONTRACT: who an alert is for. */
export const ALERT_AUDIENCES = ['member', 'provider'] as const;
export type AlertAudience = (typeof ALERT_AUDIENCES)[number];

/** CONTRACT: how an alert is delivered: the member's preferred channel, or the provider portal for doctors. */
export const ALERT_CHANNELS = ['mail', 'email', 'phone', 'provider-portal'] as const;
export type AlertChannel = (typeof ALERT_CHANNELS)[number];
