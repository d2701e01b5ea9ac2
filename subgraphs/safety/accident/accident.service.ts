import DataLoader from 'dataloader';
import { In, type DataSource, type EntityManager } from 'typeorm';
import { inScope, narrowedPrefix, withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import {
  assertCreditCode,
  assertInteger,
  assertPlateNumber,
  assertRegionCode,
  assertText,
} from '../../../platform/codes/assert-input';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { listPage } from '../../../platform/database/list-page';
import { forbidden, invalidInput, notFound } from '../../../platform/errors/domain-error';
import { toConnection, type Connection, type PageRequest } from '../../../platform/graphql/connection';
import { wholeSeconds } from '../../../platform/time/whole-seconds';
import { recordIdOf } from '../hazard/hazard.service';
import type { SafetyReportSink } from '../national-platform/safety-report';
import { SAFETY_ERRORS } from '../safety.errors';
import type { Waybill } from '../waybill/waybill.entity';
import { atLeast, severityOfFigures, type AccidentSeverity } from './accident-severity';
import { Accident, AccidentReportVersion } from './accident.entity';
import type { ReportAccidentInput, UpdateAccidentReportInput } from './inputs/accident.inputs';

/** A clock a few minutes fast on the reporting device is no reason to refuse a report. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;
/** 9e15 fen would be 90 trillion yuan: anything above is a typing error (and exceeds exact numbers). */
const MAX_LOSS_FEN = 9_000_000_000_000_000;
const MAX_PEOPLE = 100_000;

export interface AccidentFilter {
  regionCode: string | null;
  severity: AccidentSeverity | null;
}

interface Figures {
  severity: AccidentSeverity;
  deaths: number;
  injuries: number;
  directLossFen: number;
}

/** Where accident reports look up waybills: the caller's visible ones only. */
export type WaybillLookup = (scope: RegionScope, waybillNumbers: readonly string[]) => Promise<Waybill[]>;

function validatedFigures(input: Figures): Figures {
  const deaths = assertInteger('deaths', input.deaths, 0, MAX_PEOPLE);
  const injuries = assertInteger('injuries', input.injuries, 0, MAX_PEOPLE);
  const directLossFen = assertInteger('directLossFen', input.directLossFen, 0, MAX_LOSS_FEN);
  const least = severityOfFigures(deaths, injuries, directLossFen);
  if (!atLeast(input.severity, least))
    throw invalidInput(
      'severity',
      `must be at least ${least} for ${deaths} deaths, ${injuries} serious injuries and ${directLossFen} fen of loss (事故等级低于伤亡损失对应等级)`,
    );
  return { severity: input.severity, deaths, injuries, directLossFen };
}

/** The identifier an accident's reports carry to the national platform. */
export function accidentReportId(accident: Pick<Accident, 'id'>): string {
  return `accident-${accident.id}`;
}

/**
 * Accident reports (事故快报) and follow-ups (续报): each version is kept and recorded for the national
 * safety supervision platform in the transaction that makes it, numbered 1, 2, ... per accident.
 */
export class AccidentService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly reports: SafetyReportSink,
    private readonly waybills: WaybillLookup,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async report(scope: RegionScope, input: ReportAccidentInput, actor: string): Promise<Accident> {
    const plateNumber = input.plateNumber?.trim() ? input.plateNumber.trim() : null;
    const creditCode = input.creditCode?.trim() ? input.creditCode.trim() : null;
    if (plateNumber === null && creditCode === null)
      throw invalidInput('plateNumber', 'give the vehicle’s plate, the enterprise’s credit code or both');
    if (plateNumber !== null) assertPlateNumber('plateNumber', plateNumber);
    if (creditCode !== null) assertCreditCode('creditCode', creditCode);
    const now = wholeSeconds(this.clock());
    if (!(input.occurredAt instanceof Date) || Number.isNaN(input.occurredAt.getTime()))
      throw invalidInput('occurredAt', 'must be a date and time');
    if (input.occurredAt.getTime() > now.getTime() + FUTURE_TOLERANCE_MS)
      throw invalidInput('occurredAt', 'must not be in the future');
    assertRegionCode('regionCode', input.regionCode);
    const location = assertText('location', input.location, 500);
    const summary = assertText('summary', input.summary, 2000);
    const figures = validatedFigures(input);
    const waybillNumber = input.waybillNumber?.trim() ? input.waybillNumber.trim() : null;
    if (!inScope(scope, input.regionCode))
      throw forbidden(`You may report accidents only within region ${scope.region}`);
    if (waybillNumber !== null && (await this.waybills(scope, [waybillNumber])).length === 0)
      throw SAFETY_ERRORS.error(
        'WAYBILL_NOT_VISIBLE',
        `There is no waybill ${waybillNumber} leaving from or arriving in your region`,
        'waybillNumber',
      );
    return inTransaction(this.dataSource, async (manager) => {
      const accident = manager.create(Accident, {
        plateNumber,
        creditCode,
        occurredAt: wholeSeconds(input.occurredAt),
        regionCode: input.regionCode,
        location,
        summary,
        ...figures,
        waybillNumber,
        reportedBy: actor,
        reportedAt: now,
        version: 1,
      });
      await manager.insert(Accident, accident);
      await this.recordVersion(manager, accident, summary, actor, now);
      return accident;
    });
  }

  async update(scope: RegionScope, input: UpdateAccidentReportInput, actor: string): Promise<Accident> {
    const id = recordIdOf(input.accidentId);
    if (id === null) throw invalidInput('accidentId', 'is not an accident identifier');
    const figures = validatedFigures(input);
    const note = assertText('note', input.note, 2000);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await manager.findOneBy(Accident, { id });
      if (!current || !inScope(scope, current.regionCode)) throw notFound('Accident', String(id));
      const expected = input.expectedVersion ?? current.version;
      if (expected !== current.version)
        throw SAFETY_ERRORS.conflict(
          'STALE_VERSION',
          `Accident ${id} has changed since version ${expected}; reload it`,
        );
      const result = await manager
        .createQueryBuilder()
        .update(Accident)
        .set({ ...figures, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id, version: current.version })
        .execute();
      if (result.affected !== 1)
        throw SAFETY_ERRORS.conflict('STALE_VERSION', `Accident ${id} was changed by someone else; reload it`);
      const accident = await manager.findOneByOrFail(Accident, { id });
      await this.recordVersion(manager, accident, note, actor, wholeSeconds(this.clock()));
      return accident;
    });
  }

  async find(scope: RegionScope, idText: string): Promise<Accident | null> {
    const id = recordIdOf(idText);
    if (id === null) return null;
    const accident = await this.dataSource.getRepository(Accident).findOneBy({ id });
    return accident && inScope(scope, accident.regionCode) ? accident : null;
  }

  /** Newest first; `regionCode` (where it happened) includes the regions under it, narrowed to scope. */
  async list(scope: RegionScope, filter: AccidentFilter, page: PageRequest): Promise<Connection<Accident>> {
    if (filter.regionCode !== null) assertRegionCode('regionCode', filter.regionCode);
    const prefix = narrowedPrefix(scope, filter.regionCode);
    if (prefix === null) return toConnection([], 0, page);
    return listPage(
      this.dataSource.getRepository(Accident),
      { ...withinPrefix('regionCode', prefix), ...(filter.severity === null ? {} : { severity: filter.severity }) },
      page,
    );
  }

  /** Every version of many accidents in one statement, oldest first. */
  createVersionsLoader(): DataLoader<number, AccidentReportVersion[]> {
    return new DataLoader(async (accidentIds) => {
      const versions = await this.dataSource
        .getRepository(AccidentReportVersion)
        .find({ where: { accidentId: In([...accidentIds]) }, order: { version: 'ASC' } });
      return accidentIds.map((id) => versions.filter((version) => version.accidentId === id));
    });
  }

  /** Many accidents' waybills in one statement, each only if visible to the caller. */
  createWaybillLoader(scope: RegionScope): DataLoader<string, Waybill | null> {
    return new DataLoader(async (numbers) => {
      const found = await this.waybills(scope, numbers);
      return numbers.map((number) => found.find((waybill) => waybill.waybillNumber === number) ?? null);
    });
  }

  private async recordVersion(
    manager: EntityManager,
    accident: Accident,
    note: string,
    actor: string,
    now: Date,
  ): Promise<void> {
    await manager.insert(AccidentReportVersion, {
      accidentId: accident.id,
      version: accident.version,
      severity: accident.severity,
      deaths: accident.deaths,
      injuries: accident.injuries,
      directLossFen: accident.directLossFen,
      note,
      reportedBy: actor,
      reportedAt: now,
    });
    // Facts and codes only: the location and summary are free text that may name people.
    await this.reports.record(manager, {
      reportType: 'ACCIDENT',
      reportId: accidentReportId(accident),
      version: accident.version,
      regionCode: accident.regionCode,
      payload: {
        kind: accident.version === 1 ? 'FIRST_REPORT' : 'FOLLOW_UP',
        accidentId: accident.id,
        occurredAt: accident.occurredAt.toISOString(),
        regionCode: accident.regionCode,
        plateNumber: accident.plateNumber,
        creditCode: accident.creditCode,
        waybillNumber: accident.waybillNumber,
        severity: accident.severity,
        deaths: accident.deaths,
        injuries: accident.injuries,
        directLossFen: accident.directLossFen,
        reportedAt: now.toISOString(),
      },
    });
  }
}
