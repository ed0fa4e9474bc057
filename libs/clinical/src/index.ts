export * from './claims/apply-claim-version.util';
export * from './conditions';
export * from './instruments';
export * from './gaps';
export * from './surveys';
export * from './advocacy';
export * from './codesets';
