export * from './ops-connection';
export * from './read-topic';
export * from './mask-phi';
export * from './topic-report';
export * from './consumer-lag';
export * from './dead-letters';
export * from './dead-letter-replay';
