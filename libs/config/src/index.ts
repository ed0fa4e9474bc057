export * from './env-config';
export * from './input-limits';
export * from './http-listen';
export * from './resting-memory';
