import { AuditOutcome } from './audit-record.entity';
import type { AuditEntry } from './audit-trail';

/** An audit entry as the gateway writes one for an officer's query, with what a spec changes. */
export function entry(overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    occurredAt: new Date(),
    requestId: 'r',
    subject: 'user-1',
    username: 'nj-enforcement-officer',
    clientId: 'single-window-cli',
    roles: 'enforcement-officer',
    region: '320100',
    purposeCode: null,
    purposeReason: null,
    operationName: 'SingleWindow',
    operationType: 'query',
    documentHash: 'a'.repeat(64),
    variables: '{}',
    entities: '91320102MA1MY0R10Q',
    subgraphs: 'licensing',
    outcome: AuditOutcome.OK,
    errorCodes: '',
    httpStatus: 200,
    durationMs: 12,
    clientAddress: '127.0.0.1',
    ...overrides,
  };
}
