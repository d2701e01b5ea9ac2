import { GraphQLDateTimeISO } from 'graphql-scalars';
import { Brackets, type DataSource } from 'typeorm';
import { authorized } from '../../platform/auth/authorized-resolver';
import type { Identity } from '../../platform/auth/identity';
import { Permission } from '../../platform/auth/permission.policy';
import { invalidInput } from '../../platform/errors/domain-error';
import { pageRequest, toConnection, type Connection, type PageArguments } from '../../platform/paging/cursor-page';
import { AuditRecord, type AuditOutcome } from './audit-record.entity';

export interface AuditContext {
  identity: Identity | null;
  /** The trail's database; throws an outage (SERVICE_UNAVAILABLE, retryable) while it is not reachable. */
  dataSource: () => DataSource;
  /** Waits (briefly) until the records journaled so far are in the trail, so a reader sees what was answered. */
  caughtUp?: () => Promise<unknown>;
}

/** `auditRecords`' arguments (audit.schema.ts). */
export interface AuditRecordsArguments extends PageArguments {
  subject?: string | null;
  username?: string | null;
  clientId?: string | null;
  from?: Date | null;
  to?: Date | null;
  entity?: string | null;
  outcome?: AuditOutcome | null;
  operationName?: string | null;
}

// `!` escapes LIKE wildcards: a backslash would need doubling in MySQL's string literals but not in SQLite's.
function likePattern(value: string): string {
  return `%${value.replace(/[!%_]/g, (character) => `!${character}`)}%`;
}

/** Audit records, newest first, filtered by the arguments. */
export async function findAuditRecords(
  dataSource: DataSource,
  args: AuditRecordsArguments,
): Promise<Connection<AuditRecord>> {
  const { subject, username, clientId, from, to, entity, outcome, operationName } = args;
  const request = pageRequest(args);
  if (from && to && from > to) throw invalidInput('from', 'must not be after to');
  if (entity && (entity.length < 3 || entity.length > 64)) throw invalidInput('entity', 'must be 3-64 characters');
  const query = dataSource.getRepository(AuditRecord).createQueryBuilder('record');
  if (subject) query.andWhere('record.subject = :subject', { subject });
  if (username) query.andWhere('record.username = :username', { username });
  if (clientId) query.andWhere('record.clientId = :clientId', { clientId });
  if (from) query.andWhere('record.occurredAt >= :from', { from });
  if (to) query.andWhere('record.occurredAt < :to', { to });
  if (outcome) query.andWhere('record.outcome = :outcome', { outcome });
  if (operationName) query.andWhere('record.operationName = :operationName', { operationName });
  if (entity)
    query.andWhere(
      new Brackets((inner) => inner.where("record.entities LIKE :entity ESCAPE '!'", { entity: likePattern(entity) })),
    );
  const totalCount = await query.clone().getCount();
  if (request.afterId !== null) query.andWhere('record.id < :afterId', { afterId: request.afterId });
  const rows = await query
    .orderBy('record.id', 'DESC')
    .take(request.limit + 1)
    .getMany();
  return toConnection(rows, totalCount, request);
}

/** The audit trail, read-only: no mutation exists, so nobody changes it through the graph. */
export const AUDIT_RESOLVERS = {
  DateTimeISO: GraphQLDateTimeISO,
  Query: {
    auditRecords: authorized(
      [Permission.AUDIT_READ],
      async (_source: unknown, args: AuditRecordsArguments, context: AuditContext) => {
        await context.caughtUp?.();
        return findAuditRecords(context.dataSource(), args);
      },
    ),
  },
};
