// Health-advocacy rules (issue 8): service catalog with routing, family eligibility, bill negotiation.
export * from './advocacy-services.data';
export * from './advocacy-rules';
