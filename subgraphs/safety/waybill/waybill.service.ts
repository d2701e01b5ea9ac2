import { LessThan, Like, QueryFailedError, type DataSource, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { assertCreditCode, assertInteger, assertPlateNumber, assertRegionCode, assertText } from '../../kit/codes/assert-input';
import { regionScopePrefix } from '../../kit/codes/region-code';
import { childPagesLoader } from '../../kit/database/child-pages.loader';
import { inTransaction } from '../../kit/database/data-source.factory';
import { conflict, invalidInput, notFound } from '../../kit/errors/domain-error';
import { toConnection, type Connection, type PageRequest } from '../../kit/graphql/connection';
import type { EventOutbox } from '../../kit/outbox/event-outbox';
import { chinaDate } from '../../kit/time/china-time';
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

function isDeadlock(error: unknown): boolean {
  return error instanceof QueryFailedError && (error.driverError as { code?: string } | undefined)?.code === 'ER_LOCK_DEADLOCK';
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
  ) {}

  /** Waybills of many carriers, one page each, in two statements. */
  createCarrierPagesLoader(page: PageRequest) {
    return childPagesLoader<Waybill>({ dataSource: this.dataSource, entity: Waybill, parentColumn: 'carrier_credit_code', page });
  }

  /** Waybills of many vehicles, one page each, in two statements. */
  createVehiclePagesLoader(page: PageRequest) {
    return childPagesLoader<Waybill>({ dataSource: this.dataSource, entity: Waybill, parentColumn: 'plate_number', page });
  }

  async find(waybillNumber: string): Promise<Waybill | null> {
    return this.dataSource.getRepository(Waybill).findOneBy({ waybillNumber });
  }

  /** Newest first; `regionCode` matches the origin and includes the regions under it. */
  async list(filter: WaybillFilter, page: PageRequest): Promise<Connection<Waybill>> {
    const where: FindOptionsWhere<Waybill> = {};
    if (filter.regionCode !== null) {
      assertRegionCode('regionCode', filter.regionCode);
      where.originRegionCode = Like(`${regionScopePrefix(filter.regionCode)}%`);
    }
    if (filter.status !== null) where.status = filter.status;
    const repository = this.dataSource.getRepository(Waybill);
    const [rows, totalCount] = await Promise.all([
      repository.find({
        where: page.afterId === null ? where : { ...where, id: LessThan(page.afterId) },
        order: { id: 'DESC' },
        take: page.limit + 1,
      }),
      repository.countBy(where),
    ]);
    return toConnection(rows, totalCount, page);
  }

  /** Records a shipment, numbers it and raises `waybill.created`, all in one transaction. */
  async create(input: CreateWaybillInput, actor: string): Promise<Waybill> {
    const values = validatedValues(input);
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await inTransaction(this.dataSource, (manager) => this.insert(manager, values, actor));
      } catch (error) {
        if (attempt >= CREATE_ATTEMPTS || !isDeadlock(error)) throw error;
      }
    }
  }

  async depart(input: WaybillActionInput): Promise<Waybill> {
    return inTransaction(this.dataSource, (manager) => this.transition(manager, input, WaybillStatus.IN_TRANSIT, { departedAt: new Date() }));
  }

  async arrive(input: WaybillActionInput): Promise<Waybill> {
    return inTransaction(this.dataSource, (manager) => this.transition(manager, input, WaybillStatus.ARRIVED, { arrivedAt: new Date() }));
  }

  async cancel(input: CancelWaybillInput): Promise<Waybill> {
    const reason = assertText('reason', input.reason, 500);
    return inTransaction(this.dataSource, (manager) =>
      this.transition(manager, input, WaybillStatus.CANCELLED, { cancelledAt: new Date(), cancellationReason: reason }),
    );
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
        .where('origin_region_code = :originRegionCode AND sequence_date = :sequenceDate', { originRegionCode, sequenceDate })
        .execute();
    if ((await bump()).affected !== 1) {
      // The region's first waybill today; IGNORE because a concurrent creator may insert the row first.
      await manager.createQueryBuilder().insert().into(WaybillSequence).values({ originRegionCode, sequenceDate, lastSerial: 0 }).orIgnore().execute();
      await bump();
    }
    const sequence = await manager.findOneByOrFail(WaybillSequence, { originRegionCode, sequenceDate });
    if (sequence.lastSerial > MAX_SERIAL) {
      throw conflict('WAYBILL_SERIALS_EXHAUSTED', `Region ${originRegionCode} has used all ${MAX_SERIAL} waybill numbers of ${sequenceDate}`);
    }
    return sequence.lastSerial;
  }

  private async load(manager: EntityManager, waybillNumber: string): Promise<Waybill> {
    const waybill = await manager.findOneBy(Waybill, { waybillNumber });
    if (!waybill) throw notFound('Waybill', waybillNumber);
    return waybill;
  }

  /**
   * Moves a waybill to `target` only from a status that allows it and only at the version read:
   * the UPDATE's WHERE repeats both, so of two callers acting at once exactly one changes the row.
   */
  private async transition(manager: EntityManager, input: WaybillActionInput, target: WaybillStatus, changes: Partial<Waybill>): Promise<Waybill> {
    const current = await this.load(manager, input.waybillNumber);
    if (input.expectedVersion !== undefined && input.expectedVersion !== null) {
      if (!Number.isInteger(input.expectedVersion) || input.expectedVersion < 1) {
        throw invalidInput('expectedVersion', 'must be a positive integer');
      }
      if (input.expectedVersion !== current.version) {
        throw conflict('STALE_VERSION', `Waybill ${current.waybillNumber} has changed since version ${input.expectedVersion}; reload it`);
      }
    }
    if (!WAYBILL_TRANSITIONS[current.status].includes(target)) {
      throw conflict('ILLEGAL_TRANSITION', `Waybill ${current.waybillNumber} is ${current.status} and cannot become ${target}`);
    }
    const result = await manager
      .createQueryBuilder()
      .update(Waybill)
      .set({ ...changes, status: target, version: () => 'version + 1' })
      .where('id = :id AND version = :version AND status = :status', { id: current.id, version: current.version, status: current.status })
      .execute();
    if (result.affected !== 1) {
      throw conflict('STALE_VERSION', `Waybill ${current.waybillNumber} was changed by someone else; reload it`);
    }
    return this.load(manager, input.waybillNumber);
  }
}
