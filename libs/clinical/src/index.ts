export * from './conditions';
export * from './instruments';
export * from './gaps';
