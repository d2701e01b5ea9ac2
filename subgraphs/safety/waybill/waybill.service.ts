import { LessThan, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { inScope, narrowedPrefix, withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import {
  assertCreditCode,
  assertInteger,
  assertPlateNumber,
  assertRegionCode,
  assertText,
} from '../../../platform/codes/assert-input';
import { regionScopePrefix } from '../../../platform/codes/region-code';
import { childPagesLoader } from '../../../platform/database/child-pages.loader';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { isDeadlock } from '../../../platform/database/sql-dialect';
import { forbidden, invalidInput, notFound } from '../../../platform/errors/domain-error';
import { conflict } from '../safety.errors';
import { toConnection, type Connection, type PageRequest } from '../../../platform/graphql/connection';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { chinaDate } from '../../../platform/time/china-time';
import { crossProvinceWaybillReport } from '../national-platform/cross-province-waybill';
import type { SafetyReportSink } from '../national-platform/safety-report';
import { hazardClassProblem, packingGroupProblem, unNumberProblem } from './dangerous-goods';
import type { CreateWaybillInput } from './inputs/create-waybill.input';
import type { CancelWaybillInput, WaybillActionInput } from './inputs/waybill-action.inputs';
import { WaybillSequence } from './waybill-sequence.entity';
import { WAYBILL_TRANSITIONS, Waybill, WaybillStatus } from './waybill.entity';

/** Above this a tanker exceeds its legal payload: a bigger figure is a typing error, not a shipment. */
export const MAX_QUANTITY_KG = 49_000;
const MAX_SERIAL = 999_999;
/** Two first waybills of a region and day can deadlock on MySQL; the loser is simply run again. */
const CREATE_ATTEMPTS = 3;

export interface WaybillFilter {
  regionCode: string | null;
  status: WaybillStatus | null;
}

type WaybillValues = Pick<
  Waybill,
  | 'carrierCreditCode'
  | 'shipperName'
  | 'consigneeName'
  | 'plateNumber'
  | 'goodsName'
  | 'unNumber'
  | 'hazardClass'
  | 'packingGroup'
  | 'quantityKg'
  | 'originRegionCode'
  | 'destinationRegionCode'
>;

/**
 * The waybills a caller may see, as alternatives TypeORM joins with OR: those leaving from a region in
 * scope, and those arriving in one (the destination province supervises arrivals). `where` applies to
 * both; national scope needs no region condition at all.
 */
function visibleWhere(scope: RegionScope, where: FindOptionsWhere<Waybill>): FindOptionsWhere<Waybill>[] {
  if (scope.national) return [where];
  return [
    { ...where, ...withinPrefix('originRegionCode', scope.prefix) },
    { ...where, ...withinPrefix('destinationRegionCode', scope.prefix) },
  ];
}

/** Checks every field of a new waybill, before anything is written; returns the values to store. */
function validatedValues(input: CreateWaybillInput): WaybillValues {
  assertCreditCode('carrierCreditCode', input.carrierCreditCode);
  assertPlateNumber('plateNumber', input.plateNumber);
  const unProblem = unNumberProblem(input.unNumber);
  if (unProblem) throw invalidInput('unNumber', unProblem);
  const classProblem = hazardClassProblem(input.hazardClass);
  if (classProblem) throw invalidInput('hazardClass', classProblem);
  const packingGroup = input.packingGroup ?? null;
  if (packingGroup !== null) {
    const groupProblem = packingGroupProblem(input.hazardClass);
    if (groupProblem) throw invalidInput('packingGroup', groupProblem);
  }
  assertRegionCode('originRegionCode', input.originRegionCode);
  assertRegionCode('destinationRegionCode', input.destinationRegionCode);
  const consigneeName = input.consigneeName?.trim() ? assertText('consigneeName', input.consigneeName, 200) : null;
  return {
    carrierCreditCode: input.carrierCreditCode,
    shipperName: assertText('shipperName', input.shipperName, 200),
    consigneeName,
    plateNumber: input.plateNumber,
    goodsName: assertText('goodsName', input.goodsName, 200),
    unNumber: input.unNumber,
    hazardClass: input.hazardClass,
    packingGroup,
    quantityKg: assertInteger('quantityKg', input.quantityKg, 1, MAX_QUANTITY_KG),
    originRegionCode: input.originRegionCode,
    destinationRegionCode: input.destinationRegionCode,
  };
}

// The carrier's registration and the vehicle's ownership are licensing's data; this subgraph never
// reads licensing's tables, so a waybill is checked for well-formed codes only. Cross-checking the
// carrier's hazardous-goods permit and the vehicle is a later issue.
export class WaybillService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
    /** Where cross-province departures, arrivals and cancellations are recorded for the national platform. */
    private readonly reports: SafetyReportSink | null = null,
  ) {}

  /** Waybills of many carriers, one page each, in two statements; only those the caller may see. */
  createCarrierPagesLoader(scope: RegionScope, page: PageRequest) {
    return childPagesLoader<Waybill>({
      dataSource: this.dataSource,
      entity: Waybill,
      parentColumn: 'carrier_credit_code',
      page,
      scope: this.childPagesScope(scope),
    });
  }

  /** Waybills of many vehicles, one page each, in two statements; only those the caller may see. */
  createVehiclePagesLoader(scope: RegionScope, page: PageRequest) {
    return childPagesLoader<Waybill>({
      dataSource: this.dataSource,
      entity: Waybill,
      parentColumn: 'plate_number',
      page,
      scope: this.childPagesScope(scope),
    });
  }

  /** A waybill leaving from or arriving in the caller's scope; any other reads as not there. */
  async find(scope: RegionScope, waybillNumber: string): Promise<Waybill | null> {
    return this.dataSource.getRepository(Waybill).findOneBy(visibleWhere(scope, { waybillNumber }));
  }

  /**
   * Newest first; `regionCode` matches the origin and includes the regions under it. Of those, the caller
   * sees the ones leaving from their scope (the origin narrowed to it) and the ones arriving in it.
   */
  async list(scope: RegionScope, filter: WaybillFilter, page: PageRequest): Promise<Connection<Waybill>> {
    if (filter.regionCode !== null) assertRegionCode('regionCode', filter.regionCode);
    const status: FindOptionsWhere<Waybill> = filter.status === null ? {} : { status: filter.status };
    const requestedPrefix = filter.regionCode === null ? '' : regionScopePrefix(filter.regionCode);
    const originPrefix = narrowedPrefix(scope, filter.regionCode);
    const where: FindOptionsWhere<Waybill>[] = [];
    if (originPrefix !== null) where.push({ ...status, ...withinPrefix('originRegionCode', originPrefix) });
    // Arrivals add something only when the requested origins are not all within scope already.
    if (originPrefix !== requestedPrefix) {
      where.push({
        ...status,
        ...withinPrefix('originRegionCode', requestedPrefix),
        ...withinPrefix('destinationRegionCode', scope.prefix),
      });
    }
    // An empty list of alternatives would be no condition at all in TypeORM: everything.
    if (where.length === 0) return toConnection([], 0, page);
    const { afterId } = page;
    const repository = this.dataSource.getRepository(Waybill);
    const [rows, totalCount] = await Promise.all([
      repository.find({
        where: afterId === null ? where : where.map((alternative) => ({ ...alternative, id: LessThan(afterId) })),
        order: { id: 'DESC' },
        take: page.limit + 1,
      }),
      repository.countBy(where),
    ]);
    return toConnection(rows, totalCount, page);
  }

  /** Records a shipment, numbers it and raises `waybill.created`, all in one transaction. */
  async create(scope: RegionScope, input: CreateWaybillInput, actor: string): Promise<Waybill> {
    const values = validatedValues(input);
    // The origin's authority answers for the shipment; a destination in scope is not enough.
    if (!inScope(scope, values.originRegionCode))
      throw forbidden(`You may create waybills only for origins within region ${scope.region}`);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await inTransaction(this.dataSource, (manager) => this.insert(manager, values, actor));
      } catch (error) {
        if (attempt >= CREATE_ATTEMPTS || !isDeadlock(error)) throw error;
      }
    }
  }

  async depart(scope: RegionScope, input: WaybillActionInput): Promise<Waybill> {
    return inTransaction(this.dataSource, (manager) =>
      this.transition(manager, scope, input, WaybillStatus.IN_TRANSIT, { departedAt: new Date() }),
    );
  }

  async arrive(scope: RegionScope, input: WaybillActionInput): Promise<Waybill> {
    return inTransaction(this.dataSource, (manager) =>
      this.transition(manager, scope, input, WaybillStatus.ARRIVED, { arrivedAt: new Date() }),
    );
  }

  async cancel(scope: RegionScope, input: CancelWaybillInput): Promise<Waybill> {
    const reason = assertText('reason', input.reason, 500);
    return inTransaction(this.dataSource, (manager) =>
      this.transition(manager, scope, input, WaybillStatus.CANCELLED, {
        cancelledAt: new Date(),
        cancellationReason: reason,
      }),
    );
  }

  /**
   * The child pages' form of `visibleWhere`: origin in scope, or an id among the waybills arriving in
   * scope (the kit binds the scope's `prefix%` to the subquery's one placeholder).
   */
  private childPagesScope(scope: RegionScope): { column: string; prefix: string; sharedIds: string } {
    const escape = (name: string) => this.dataSource.driver.escape(name);
    const table = escape(this.dataSource.getMetadata(Waybill).tablePath);
    return {
      column: 'origin_region_code',
      prefix: scope.prefix,
      sharedIds: `SELECT ${escape('id')} FROM ${table} WHERE ${escape('destination_region_code')} LIKE ?`,
    };
  }

  private async insert(manager: EntityManager, values: WaybillValues, actor: string): Promise<Waybill> {
    const createdAt = new Date();
    const day = chinaDate(createdAt);
    const serial = await this.nextSerial(manager, values.originRegionCode, day);
    const waybill = await manager.save(
      manager.create(Waybill, {
        ...values,
        waybillNumber: `YD${values.originRegionCode}${day.replace(/-/g, '')}${String(serial).padStart(6, '0')}`,
        status: WaybillStatus.CREATED,
        createdBy: actor,
        createdAt,
        departedAt: null,
        arrivedAt: null,
        cancelledAt: null,
        cancellationReason: null,
      }),
    );
    await this.outbox.publish(manager, 'waybill.created', {
      waybillNumber: waybill.waybillNumber,
      carrierCreditCode: waybill.carrierCreditCode,
      plateNumber: waybill.plateNumber,
      originRegionCode: waybill.originRegionCode,
      createdAt: createdAt.toISOString(),
    });
    return waybill;
  }

  /**
   * The next serial of an origin region on a China calendar day. The UPDATE locks the day's row until
   * the creating transaction ends, so concurrent creators are numbered one after the other.
   */
  private async nextSerial(manager: EntityManager, originRegionCode: string, sequenceDate: string): Promise<number> {
    const bump = () =>
      manager
        .createQueryBuilder()
        .update(WaybillSequence)
        .set({ lastSerial: () => 'last_serial + 1' })
        .where('origin_region_code = :originRegionCode AND sequence_date = :sequenceDate', {
          originRegionCode,
          sequenceDate,
        })
        .execute();
    if ((await bump()).affected !== 1) {
      // The region's first waybill today; IGNORE because a concurrent creator may insert the row first.
      await manager
        .createQueryBuilder()
        .insert()
        .into(WaybillSequence)
        .values({ originRegionCode, sequenceDate, lastSerial: 0 })
        .orIgnore()
        .execute();
      await bump();
    }
    const sequence = await manager.findOneByOrFail(WaybillSequence, { originRegionCode, sequenceDate });
    if (sequence.lastSerial > MAX_SERIAL) {
      throw conflict(
        'WAYBILL_SERIALS_EXHAUSTED',
        `Region ${originRegionCode} has used all ${MAX_SERIAL} waybill numbers of ${sequenceDate}`,
      );
    }
    return sequence.lastSerial;
  }

  /** A waybill the caller may see; any other does not exist for them. */
  private async load(manager: EntityManager, scope: RegionScope, waybillNumber: string): Promise<Waybill> {
    const waybill = await manager.findOneBy(Waybill, visibleWhere(scope, { waybillNumber }));
    if (!waybill) throw notFound('Waybill', waybillNumber);
    return waybill;
  }

  /**
   * Moves a waybill to `target` only from a status that allows it and only at the version read:
   * the UPDATE's WHERE repeats both, so of two callers acting at once exactly one changes the row.
   */
  private async transition(
    manager: EntityManager,
    scope: RegionScope,
    input: WaybillActionInput,
    target: WaybillStatus,
    changes: Partial<Waybill>,
  ): Promise<Waybill> {
    const current = await this.load(manager, scope, input.waybillNumber);
    // Seen as the destination only: the destination supervises, the origin's authority acts.
    if (!inScope(scope, current.originRegionCode)) {
      throw forbidden(
        `Waybill ${current.waybillNumber} leaves from region ${current.originRegionCode}; only authorities there may act on it`,
      );
    }
    if (input.expectedVersion !== undefined && input.expectedVersion !== null) {
      if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1) {
        throw invalidInput('expectedVersion', 'must be a positive integer');
      }
      if (input.expectedVersion !== current.version) {
        throw conflict(
          'STALE_VERSION',
          `Waybill ${current.waybillNumber} has changed since version ${input.expectedVersion}; reload it`,
        );
      }
    }
    if (!WAYBILL_TRANSITIONS[current.status].includes(target)) {
      throw conflict(
        'ILLEGAL_TRANSITION',
        `Waybill ${current.waybillNumber} is ${current.status} and cannot become ${target}`,
      );
    }
    const result = await manager
      .createQueryBuilder()
      .update(Waybill)
      .set({ ...changes, status: target, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND status = :status', {
        id: current.id,
        version: current.version,
        status: current.status,
      })
      .execute();
    if (result.affected !== 1) {
      throw conflict('STALE_VERSION', `Waybill ${current.waybillNumber} was changed by someone else; reload it`);
    }
    const changed = await this.load(manager, scope, input.waybillNumber);
    // A cross-province summary goes to the national safety platform exactly when this change commits.
    const report = crossProvinceWaybillReport(changed);
    if (report !== null && this.reports !== null) await this.reports.record(manager, report);
    return changed;
  }
}
