export * from './conditions';
export * from './instruments';
