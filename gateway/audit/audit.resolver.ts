import { Arg, Args, Authorized, Ctx, ObjectType, Query, Resolver } from 'type-graphql';
import { Brackets, type DataSource } from 'typeorm';
import type { Identity } from '../../platform/auth/identity';
import { Permission } from '../../platform/auth/permission.policy';
import { invalidInput } from '../../platform/errors/domain-error';
import { ConnectionType, PageArgs, pageRequest, toConnection } from '../../platform/graphql/connection';
import { AuditOutcome, AuditRecord } from './audit-record.entity';

export interface AuditContext {
  identity: Identity | null;
  dataSource: DataSource;
}

@ObjectType({ description: 'A page of audit records.' })
export class AuditRecordConnection extends ConnectionType(AuditRecord, 'AuditRecord', 'audit record') {}

// `!` escapes LIKE wildcards: a backslash would need doubling in MySQL's string literals but not in SQLite's.
function likePattern(value: string): string {
  return `%${value.replace(/[!%_]/g, (character) => `!${character}`)}%`;
}

/** The audit trail, read-only: no mutation exists, so nobody changes it through the graph. */
@Resolver(() => AuditRecord)
export class AuditRecordResolver {
  @Authorized(Permission.AUDIT_READ)
  @Query(() => AuditRecordConnection, {
    description:
      'Audit records, newest first, filtered by who, which client, when, which record and outcome (administrators only).',
  })
  async auditRecords(
    @Arg('subject', () => String, { nullable: true, description: "The caller's token subject." })
    subject: string | null,
    @Arg('username', () => String, { nullable: true, description: "The caller's username." }) username: string | null,
    @Arg('clientId', () => String, { nullable: true, description: 'The client the caller used.' })
    clientId: string | null,
    @Arg('from', () => Date, { nullable: true, description: 'Records at or after this time (UTC).' }) from: Date | null,
    @Arg('to', () => Date, { nullable: true, description: 'Records before this time (UTC).' }) to: Date | null,
    @Arg('entity', () => String, {
      nullable: true,
      description: 'A credit code, plate, case, application or waybill number the operation named.',
    })
    entity: string | null,
    @Arg('outcome', () => AuditOutcome, { nullable: true, description: 'Only records with this outcome.' })
    outcome: AuditOutcome | null,
    @Arg('operationName', () => String, { nullable: true, description: 'Only records of operations with this name.' })
    operationName: string | null,
    @Args() page: PageArgs,
    @Ctx() context: AuditContext,
  ): Promise<AuditRecordConnection> {
    const request = pageRequest(page);
    if (from && to && from > to) throw invalidInput('from', 'must not be after to');
    if (entity && (entity.length < 3 || entity.length > 64)) throw invalidInput('entity', 'must be 3-64 characters');
    const query = context.dataSource.getRepository(AuditRecord).createQueryBuilder('record');
    if (subject) query.andWhere('record.subject = :subject', { subject });
    if (username) query.andWhere('record.username = :username', { username });
    if (clientId) query.andWhere('record.clientId = :clientId', { clientId });
    if (from) query.andWhere('record.occurredAt >= :from', { from });
    if (to) query.andWhere('record.occurredAt < :to', { to });
    if (outcome) query.andWhere('record.outcome = :outcome', { outcome });
    if (operationName) query.andWhere('record.operationName = :operationName', { operationName });
    if (entity)
      query.andWhere(
        new Brackets((inner) =>
          inner.where("record.entities LIKE :entity ESCAPE '!'", { entity: likePattern(entity) }),
        ),
      );
    const totalCount = await query.clone().getCount();
    if (request.afterId !== null) query.andWhere('record.id < :afterId', { afterId: request.afterId });
    const rows = await query
      .orderBy('record.id', 'DESC')
      .take(request.limit + 1)
      .getMany();
    return toConnection(rows, totalCount, request);
  }
}
