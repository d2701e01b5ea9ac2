import {
  And,
  In,
  LessThan,
  Raw,
  type DataSource,
  type FindOperator,
  type EntityManager,
  type FindOptionsWhere,
} from 'typeorm';
import { inScope, narrowedPrefix, withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import { assertRegionCode, assertText } from '../../../platform/codes/assert-input';
import { regionScopePrefix } from '../../../platform/codes/region-code';
import { CarrierPermit } from '../registry/carrier-permit.entity';
import { SafetyVehicle } from '../registry/safety-vehicle.entity';
import { SAFETY_ERRORS } from '../safety.errors';
import { checkDangerousGoods } from './dangerous-goods-list';
import { registryCheckFailures, type WaybillCheckFailure } from './waybill-checks';
import { WaybillRouteProvince } from './waybill-route-province.entity';
import { validatedValues, type WaybillValues } from './waybill.validation';
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
import type { CreateWaybillInput } from './inputs/create-waybill.input';
import type { CancelWaybillInput, WaybillActionInput } from './inputs/waybill-action.inputs';
import { WaybillSequence } from './waybill-sequence.entity';
import { WAYBILL_TRANSITIONS, Waybill, WaybillStatus } from './waybill.entity';

const MAX_SERIAL = 999_999;
/** Two first waybills of a region and day can deadlock on MySQL; the loser is simply run again. */
const CREATE_ATTEMPTS = 3;

export interface WaybillFilter {
  regionCode: string | null;
  status: WaybillStatus | null;
}

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
    { ...where, id: passingThrough(scope.prefix) },
  ];
}

/**
 * Waybills whose route crosses a province within `prefix`: a provincial scope (two digits) matches its
 * province; a city's scope matches no province code, since a route is known province by province.
 */
function passingThrough(prefix: string) {
  return Raw(
    (id) =>
      `${id} IN (SELECT route.waybill_id FROM waybill_route_province route WHERE route.province_code LIKE :routePrefix)`,
    { routePrefix: `${prefix}%` },
  );
}

/** The refusal of a waybill, listing every failed check; `field` names the first. */
function waybillRefused(failures: readonly WaybillCheckFailure[]) {
  return SAFETY_ERRORS.error(
    'WAYBILL_CHECKS_FAILED',
    `电子运单未通过核验 (waybill refused): ${failures.map((failure) => `${failure.code}: ${failure.message}`).join('; ')}`,
    failures[0].field,
    { failures },
  );
}

// The carrier's permits and its vehicles are licensing's data: safety never reads licensing's tables but
// keeps projections of them from licensing's events (registry/), and checks every new waybill against them.
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

  /** Many waybills by number in one statement: those leaving from or arriving in the caller's scope. */
  async findMany(scope: RegionScope, waybillNumbers: readonly string[]): Promise<Waybill[]> {
    if (waybillNumbers.length === 0) return [];
    return this.dataSource
      .getRepository(Waybill)
      .findBy(visibleWhere(scope, { waybillNumber: In([...waybillNumbers]) }));
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
      where.push({
        ...status,
        ...withinPrefix('originRegionCode', requestedPrefix),
        id: passingThrough(scope.prefix),
      });
    }
    // An empty list of alternatives would be no condition at all in TypeORM: everything.
    if (where.length === 0) return toConnection([], 0, page);
    const { afterId } = page;
    const repository = this.dataSource.getRepository(Waybill);
    const [rows, totalCount] = await Promise.all([
      repository.find({
        where:
          afterId === null
            ? where
            : where.map((alternative) => ({
                ...alternative,
                // An alternative may already hold a condition on id (passing through): both must hold.
                id:
                  alternative.id === undefined
                    ? LessThan(afterId)
                    : And(alternative.id as FindOperator<number>, LessThan(afterId)),
              })),
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
        return await inTransaction(this.dataSource, async (manager) => {
          const failures = await this.checkFailures(manager, values);
          if (failures.length > 0) throw waybillRefused(failures);
          return this.insert(manager, values, actor);
        });
      } catch (error) {
        if (attempt >= CREATE_ATTEMPTS || !isDeadlock(error)) throw error;
      }
    }
  }

  /**
   * Runs every check a new waybill must pass without recording it (预检): what the dispatcher sees before
   * the vehicle is loaded. Malformed input is refused as in `create`.
   */
  async check(scope: RegionScope, input: CreateWaybillInput): Promise<WaybillCheckFailure[]> {
    const values = validatedValues(input);
    if (!inScope(scope, values.originRegionCode))
      throw forbidden(`You may check waybills only for origins within region ${scope.region}`);
    return this.checkFailures(this.dataSource.manager, values);
  }

  /**
   * Demo data only: records a shipment whose form is checked but not its registry facts, since the demo
   * registry reaches safety through events after the subgraph has started.
   */
  async recordDemoShipment(input: CreateWaybillInput, actor: string): Promise<Waybill> {
    const values = validatedValues(input);
    return inTransaction(this.dataSource, (manager) => this.insert(manager, values, actor));
  }

  /**
   * Every check a waybill fails: the goods against the UN dangerous goods list (number, class, packing
   * group), and the carrier and vehicle against the registry, read in the creating transaction.
   */
  private async checkFailures(manager: EntityManager, values: WaybillValues): Promise<WaybillCheckFailure[]> {
    const [permits, vehicle] = await Promise.all([
      manager.findBy(CarrierPermit, { creditCode: values.carrierCreditCode }),
      manager.findOneBy(SafetyVehicle, { plateNumber: values.plateNumber }),
    ]);
    return [...checkDangerousGoods(values), ...registryCheckFailures(values, permits, vehicle, chinaDate(new Date()))];
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
      sharedIds:
        `SELECT ${escape('id')} FROM ${table} WHERE ${escape('destination_region_code')} LIKE ?` +
        ` UNION SELECT ${escape('waybill_id')} FROM ${escape(this.dataSource.getMetadata(WaybillRouteProvince).tablePath)} WHERE ${escape('province_code')} LIKE ?`,
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
    await manager.insert(
      WaybillRouteProvince,
      waybill.routeProvinceCodes.map((provinceCode, position) => ({ waybillId: waybill.id, position, provinceCode })),
    );
    await this.outbox.publish(manager, 'waybill.created', {
      waybillNumber: waybill.waybillNumber,
      carrierCreditCode: waybill.carrierCreditCode,
      plateNumber: waybill.plateNumber,
      originRegionCode: waybill.originRegionCode,
      createdAt: createdAt.toISOString(),
      hazardClass: waybill.hazardClass,
      destinationRegionCode: waybill.destinationRegionCode,
      routeProvinceCodes: waybill.routeProvinceCodes,
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
