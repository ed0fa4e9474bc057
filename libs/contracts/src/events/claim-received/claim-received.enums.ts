/** CONTRACT: how a claim reached claims-intake. */
export const INTAKE_CHANNELS = ['http', 'kafka', 'file'] as const;
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number];
