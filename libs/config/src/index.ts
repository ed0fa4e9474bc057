export * from './env-config';
export * from './input-limits';
