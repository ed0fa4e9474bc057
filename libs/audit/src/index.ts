export * from './purpose-of-use';
export * from './audit-trail';
export * from './audit-trail.migration';
export * from './member-read-audit.service';
export * from './read-context.decorator';
export * from './audit-trail.controller';
export * from './audit-trail.module';
