import { AuditTrail1796800000000 } from '@care/audit';
import { ConsoleSessions1797000000000 } from './console-sessions.migration';

/** Every migration of the console, oldest first: its sessions, and the audit trail of refused calls. */
export const CONSOLE_MIGRATIONS = [ConsoleSessions1797000000000, AuditTrail1796800000000];
