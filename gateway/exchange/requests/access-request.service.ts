import { In, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import type { Identity } from '../../../platform/auth/identity';
import { PurposeCode } from '../../../platform/auth/purpose';
import { forbidden, invalidInput, notFound } from '../../../platform/errors/domain-error';
import { ShareClass, type Catalogue, type CatalogueItem } from '../catalogue/catalogue';
import { DataGrant } from '../grants/data-grant.entity';
import type { GrantBook } from '../grants/grant-book';
import { ACCESS_REQUEST_ERRORS } from './access-request.errors';
import {
  DataAccessDecision,
  distinctList,
  grantExpiry,
  MAX_ITEMS,
  requiredText,
  type DecideDataAccessInput,
  type RequestDataAccessInput,
  wholeSeconds,
} from './access-request.inputs';
import { DataAccessItem, DataAccessItemStatus } from './data-access-item.entity';
import { DataAccessRequest } from './data-access-request.entity';

/** Who decides an unconditional item: the catalogue itself, at once. */
export const CATALOGUE_DECIDER = 'catalogue';
const DEFAULT_PAGE = 50;

/** Which requests a caller lists, newest first. */
export interface AccessRequestFilter {
  status?: DataAccessItemStatus | null;
  first?: number | null;
  /** A request id: only older requests (the last id of the previous page). */
  after?: number | null;
}

/**
 * Access by request and approval (共享申请与审批): a partner's administrator asks for catalogue items for
 * its own client; unconditional items are granted at once, conditional ones wait for the owning
 * department's approver, not-shared ones cannot be asked for. Every change is one transaction.
 */
export class AccessRequestDesk {
  constructor(
    private readonly dataSource: () => DataSource,
    private readonly catalogue: () => Catalogue,
    private readonly grants: GrantBook,
  ) {}

  async request(identity: Identity, input: RequestDataAccessInput): Promise<DataAccessRequest> {
    const clientId = identity.partnerClient;
    if (!clientId)
      throw forbidden('只有合作部门的管理员才能为本单位申请共享数据。Only a partner administrator can request data');
    const coordinates = distinctList('coordinates', input.coordinates, 'catalogue item');
    const purposes = distinctList('purposes', input.purposes, 'purpose');
    const legalBasis = requiredText('legalBasis', input.legalBasis, 4, 500);
    const reason = requiredText('reason', input.reason, 4, 1000);
    const items = coordinates.map((coordinate, index) => this.requestable(coordinate, index, purposes));

    const now = wholeSeconds(new Date());
    const saved = await this.dataSource().transaction(async (manager) => {
      const request = await manager.getRepository(DataAccessRequest).save(
        manager.getRepository(DataAccessRequest).create({
          clientId,
          requestedBy: identity.username,
          purposes: [...purposes].sort().join(','),
          legalBasis,
          reason,
          requestedAt: now,
        }),
      );
      const rows: DataAccessItem[] = [];
      for (const item of items) {
        const unconditional = item.shareClass === ShareClass.UNCONDITIONAL;
        const grant = unconditional
          ? await this.grants.record(
              {
                clientId,
                coordinate: item.coordinate,
                department: item.department,
                category: item.category,
                purposes,
                grantedBy: CATALOGUE_DECIDER,
                requestId: request.id,
              },
              manager,
            )
          : null;
        rows.push(
          await manager.getRepository(DataAccessItem).save(
            manager.getRepository(DataAccessItem).create({
              requestId: request.id,
              coordinate: item.coordinate,
              department: item.department,
              category: item.category,
              shareClass: item.shareClass,
              status: unconditional ? DataAccessItemStatus.GRANTED : DataAccessItemStatus.PENDING,
              decidedBy: unconditional ? CATALOGUE_DECIDER : null,
              decidedAt: unconditional ? now : null,
              refusalReason: null,
              grantId: grant?.id ?? null,
              expiresAt: null,
            }),
          ),
        );
      }
      request.items = rows;
      return request;
    });
    // The book forgot the client inside the transaction; a read since then may hold the rows before it.
    this.grants.forget(clientId);
    return saved;
  }

  /** The catalogue item at `coordinates[index]`, if a partner may ask for it for these purposes. */
  private requestable(coordinate: string, index: number, purposes: readonly PurposeCode[]): CatalogueItem {
    const field = `coordinates[${index}]`;
    const item = this.catalogue().item(coordinate);
    if (!item)
      throw invalidInput(
        field,
        `数据资源目录中没有 ${coordinate}。${coordinate} is not in the data resource catalogue`,
      );
    if (item.shareClass === ShareClass.NOT_SHARED)
      throw ACCESS_REQUEST_ERRORS.error(
        'ITEM_NOT_SHAREABLE',
        `不予共享的数据项不能申请：${coordinate}。Items not shared cannot be requested: ${coordinate}`,
        field,
        { coordinate },
      );
    if (item.personalInformation && purposes.includes(PurposeCode.STATISTICAL_ANALYSIS))
      throw ACCESS_REQUEST_ERRORS.error(
        'PURPOSE_NEEDS_NO_PERSONAL_DATA',
        `统计分析用途不能申请含个人信息的数据项：${coordinate}。STATISTICAL_ANALYSIS cannot be asked for personal item ${coordinate}`,
        'purposes',
        { coordinate },
      );
    return item;
  }

  /** Grants or refuses pending items of the approver's own department, all or none. */
  async decide(identity: Identity, input: DecideDataAccessInput): Promise<DataAccessItem[]> {
    const department = this.approverDepartment(identity);
    const itemIds = distinctList('itemIds', input.itemIds, 'item');
    const now = wholeSeconds(new Date());
    const granting = input.decision === DataAccessDecision.GRANT;
    const expiresAt = granting ? grantExpiry(input.expiresAt, now) : null;
    if (!granting && input.expiresAt) throw invalidInput('expiresAt', '拒绝时不填有效期。is only for GRANT');
    const refusalReason = granting ? null : requiredText('reason', input.reason, 4, 1000);

    const decided = await this.dataSource().transaction(async (manager) => {
      const items = await manager.getRepository(DataAccessItem).find({
        where: { id: In(itemIds) },
        relations: { request: true },
      });
      const byId = new Map(items.map((item) => [item.id, item]));
      for (const id of itemIds) {
        const item = byId.get(id);
        if (!item) throw notFound('data access item', String(id));
        if (item.department !== department)
          throw forbidden(
            `申请项 ${id}（${item.coordinate}）属于${item.department}部门，只能审批本部门的数据项。Item ${id} belongs to department ${item.department}`,
          );
        if (item.status !== DataAccessItemStatus.PENDING) throw alreadyDecided(item);
      }
      for (const id of itemIds)
        await this.decideOne(manager, byId.get(id)!, identity.username, now, expiresAt, refusalReason);
      return itemIds.map((id) => byId.get(id)!);
    });
    const clients = new Set(decided.map((item) => item.request!.clientId));
    for (const clientId of clients) this.grants.forget(clientId);
    return decided;
  }

  private async decideOne(
    manager: EntityManager,
    item: DataAccessItem,
    username: string,
    now: Date,
    expiresAt: Date | null,
    refusalReason: string | null,
  ): Promise<void> {
    const request = item.request!;
    const grant = expiresAt
      ? await this.grants.record(
          {
            clientId: request.clientId,
            coordinate: item.coordinate,
            department: item.department,
            category: item.category,
            purposes: request.purposes.split(',') as PurposeCode[],
            grantedBy: username,
            requestId: request.id,
            expiresAt,
          },
          manager,
        )
      : null;
    const change = {
      status: grant ? DataAccessItemStatus.GRANTED : DataAccessItemStatus.REFUSED,
      decidedBy: username,
      decidedAt: now,
      refusalReason,
      grantId: grant?.id ?? null,
      expiresAt,
    };
    // Only while still pending: of two approvers deciding at once, the second is refused and rolls back.
    const result = await manager
      .getRepository(DataAccessItem)
      .update({ id: item.id, status: DataAccessItemStatus.PENDING }, change);
    if (result.affected !== 1) throw alreadyDecided(item);
    Object.assign(item, change);
  }

  /** Ends a grant of an item the approver's department owns, at once. */
  async revoke(identity: Identity, id: number, reason: string): Promise<DataGrant> {
    const department = this.approverDepartment(identity);
    requiredText('reason', reason, 4, 1000);
    const repository = this.dataSource().getRepository(DataGrant);
    const grant = await repository.findOneBy({ id });
    if (!grant) throw notFound('data grant', String(id));
    if (grant.department !== department)
      throw forbidden(
        `授权 ${id}（${grant.coordinate}）属于${grant.department}部门，只能撤销本部门的授权。Grant ${id} belongs to department ${grant.department}`,
      );
    if (!(await this.grants.revoke(id, identity.username, reason)))
      throw ACCESS_REQUEST_ERRORS.conflict(
        'GRANT_NOT_IN_FORCE',
        `授权 ${id} 已到期或已撤销。Grant ${id} is no longer in force`,
      );
    return (await repository.findOneBy({ id }))!;
  }

  /**
   * Requests newest first: a partner's administrator its own client's (every item), an approver those
   * holding items of its department (only those items). `status` keeps the items in that status.
   */
  async list(identity: Identity, filter: AccessRequestFilter): Promise<DataAccessRequest[]> {
    const first = filter.first ?? DEFAULT_PAGE;
    if (!Number.isInteger(first) || first < 1 || first > MAX_ITEMS)
      throw invalidInput('first', `须在1至${MAX_ITEMS}之间。must be 1-${MAX_ITEMS}`);
    const partner = identity.partnerClient;
    const department = partner ? null : this.approverDepartment(identity);

    const query = this.dataSource()
      .getRepository(DataAccessRequest)
      .createQueryBuilder('request')
      .select('request.id', 'id')
      .distinct(true)
      .innerJoin('request.items', 'item')
      .orderBy('request.id', 'DESC')
      .limit(first);
    if (partner) query.where('request.clientId = :partner', { partner });
    else query.where('item.department = :department', { department });
    if (filter.status) query.andWhere('item.status = :status', { status: filter.status });
    if (filter.after) query.andWhere('request.id < :after', { after: filter.after });
    const ids = (await query.getRawMany<{ id: number | string }>()).map((row) => Number(row.id));
    if (ids.length === 0) return [];

    const requests = await this.dataSource()
      .getRepository(DataAccessRequest)
      .find({ where: { id: In(ids) }, order: { id: 'DESC' } });
    const itemWhere: FindOptionsWhere<DataAccessItem> = { requestId: In(ids) };
    if (department) itemWhere.department = department;
    if (filter.status) itemWhere.status = filter.status;
    const items = await this.dataSource()
      .getRepository(DataAccessItem)
      .find({ where: itemWhere, order: { id: 'ASC' } });
    for (const request of requests) request.items = items.filter((item) => item.requestId === request.id);
    return requests;
  }

  /** The department whose items the caller decides; only an approver of a department has one. */
  private approverDepartment(identity: Identity): string {
    if (!identity.department)
      throw forbidden('只有数据所属部门的审批人才能审批。Only an approver of the owning department can decide');
    return identity.department;
  }
}

function alreadyDecided(item: DataAccessItem): Error {
  return ACCESS_REQUEST_ERRORS.conflict(
    'ITEM_ALREADY_DECIDED',
    `申请项 ${item.id}（${item.coordinate}）已审批，不能再次审批。Item ${item.id} was already decided`,
  );
}
