export * from './env-config';
