import { In, Like, type DataSource } from 'typeorm';
import { inScope, type RegionScope } from '../../../platform/auth/region-scope';
import {
  NATIONAL_REGION_CODE,
  regionCodeProblem,
  regionName,
  regionScopePrefix,
} from '../../../platform/codes/region-code';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { isUniqueViolation } from '../../../platform/database/database-errors';
import { forbidden, invalidInput, notFound } from '../../../platform/errors/domain-error';
import { wholeSeconds } from '../../../platform/time/whole-seconds';
import { definitionView } from '../catalogue/indicator-definition.types';
import { rollUpRegions } from '../counting/roll-up';
import { assertRegionInScope, definitionOf } from '../indicator/indicator-query.service';
import { PeriodGranularity } from '../indicator/period';
import { WarningThresholdRecord } from './warning-threshold.entity';
import {
  COMPARISONS,
  ThresholdComparison,
  ThresholdReach,
  type RemoveWarningThresholdInput,
  type SetWarningThresholdInput,
  type WarningThreshold,
} from './warning-threshold.types';
import { WARNING_ERRORS } from './warning.errors';

/** The largest threshold accepted: a figure or a change no indicator reaches (fines in fen stay below it). */
export const MAX_THRESHOLD = 1e15;

function oneOf<T extends string>(field: string, value: T, allowed: Record<string, string>): T {
  if (!Object.values(allowed).includes(value))
    throw invalidInput(field, `must be one of ${Object.values(allowed).join(', ')}`);
  return value;
}

/** Why a threshold makes no sense for the comparison and the indicator's unit, or null. */
export function thresholdProblem(comparison: ThresholdComparison, unit: string, threshold: number): string | null {
  if (typeof threshold !== 'number' || !Number.isFinite(threshold)) return 'must be a number';
  if (threshold < 0) return 'must be 0 or more (choose a comparison for a fall)';
  if (threshold > MAX_THRESHOLD) return `must be at most ${MAX_THRESHOLD}`;
  const falls = comparison.endsWith('_DOWN_PERCENT');
  if (falls && threshold > 100) return 'must be at most 100: nothing falls by more than 100%';
  if (!COMPARISONS[comparison].change && unit === 'PERCENT' && threshold > 100)
    return 'must be at most 100 for a percent indicator';
  return null;
}

export function thresholdView(record: WarningThresholdRecord): WarningThreshold {
  return {
    ...record,
    id: String(record.id),
    threshold: Number(record.threshold),
    enabled: Boolean(record.enabled),
    definition: definitionView(definitionOf('indicator', record.indicator)),
    regionName: regionName(record.regionCode) ?? record.regionCode,
  };
}

/**
 * Early-warning thresholds (预警阈值): set, changed and removed by statistics-warning-admin within their own
 * region, read by analysts. Each change bumps the version; a change from an older version is refused.
 */
export class WarningThresholdService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async set(scope: RegionScope, input: SetWarningThresholdInput, actor: string): Promise<WarningThreshold> {
    const definition = definitionOf('indicator', input.indicator);
    assertConfigurable(scope, 'regionCode', input.regionCode);
    const comparison = oneOf('comparison', input.comparison, ThresholdComparison);
    const granularity = oneOf('granularity', input.granularity ?? PeriodGranularity.MONTH, PeriodGranularity);
    const reach = oneOf('reach', input.reach ?? ThresholdReach.REGION_AND_BELOW, ThresholdReach);
    const problem = thresholdProblem(comparison, definition.unit, input.threshold);
    if (problem) throw invalidInput('threshold', problem);
    const now = wholeSeconds(this.clock());
    const key = { indicator: definition.code, regionCode: input.regionCode, comparison, granularity };
    const values = {
      threshold: input.threshold,
      reach,
      enabled: input.enabled ?? true,
      updatedBy: actor,
      updatedAt: now,
    };
    try {
      return await inTransaction(this.dataSource, async (manager) => {
        const repository = manager.getRepository(WarningThresholdRecord);
        const current = await repository.findOneBy(key);
        if (!current) {
          if (input.expectedVersion !== null && input.expectedVersion !== undefined)
            throw WARNING_ERRORS.conflict('STALE_VERSION', 'The threshold has been removed; reload the thresholds');
          const created = await repository.save(
            repository.create({ ...key, ...values, createdBy: actor, createdAt: now }),
          );
          return thresholdView(created);
        }
        const expected = input.expectedVersion ?? current.version;
        if (expected !== current.version)
          throw WARNING_ERRORS.conflict(
            'STALE_VERSION',
            `Threshold ${current.id} has changed since version ${expected}; reload it`,
          );
        const result = await repository
          .createQueryBuilder()
          .update(WarningThresholdRecord)
          .set({ ...values, version: () => 'version + 1' })
          .where('id = :id AND version = :version', { id: current.id, version: current.version })
          .execute();
        if (result.affected !== 1)
          throw WARNING_ERRORS.conflict(
            'STALE_VERSION',
            `Threshold ${current.id} was changed by someone else; reload it`,
          );
        return thresholdView(await repository.findOneByOrFail({ id: current.id }));
      });
    } catch (error) {
      // Two analysts creating the same threshold at once: the second one is told to reload.
      if (isUniqueViolation(error))
        throw WARNING_ERRORS.conflict('STALE_VERSION', 'The threshold was just set by someone else; reload it');
      throw error;
    }
  }

  async remove(scope: RegionScope, input: RemoveWarningThresholdInput): Promise<WarningThreshold> {
    const id = /^[1-9]\d{0,9}$/.test(input.id) ? Number(input.id) : null;
    if (id === null) throw invalidInput('id', 'is not a threshold id');
    return inTransaction(this.dataSource, async (manager) => {
      const repository = manager.getRepository(WarningThresholdRecord);
      const current = await repository.findOneBy({ id });
      if (!current || !inScope(scope, current.regionCode)) throw notFound('Warning threshold', input.id);
      const expected = input.expectedVersion ?? current.version;
      if (expected !== current.version)
        throw WARNING_ERRORS.conflict(
          'STALE_VERSION',
          `Threshold ${id} has changed since version ${expected}; reload it`,
        );
      const result = await repository.delete({ id, version: current.version });
      if (result.affected !== 1)
        throw WARNING_ERRORS.conflict('STALE_VERSION', `Threshold ${id} was changed by someone else; reload it`);
      return thresholdView(current);
    });
  }

  /**
   * The thresholds that watch a region or a region under it: set at the region, at a region above it
   * (those that reach below) and at the regions under it within the caller's scope.
   */
  async list(scope: RegionScope, regionCode: string): Promise<WarningThreshold[]> {
    assertRegionInScope(scope, 'regionCode', regionCode);
    const records = await this.applicable(regionCode, { enabledOnly: false });
    return records.map(thresholdView);
  }

  /** The thresholds of `list`, as records; enabled ones only when asked. */
  async applicable(regionCode: string, options: { enabledOnly: boolean }): Promise<WarningThresholdRecord[]> {
    const repository = this.dataSource.getRepository(WarningThresholdRecord);
    const enabled = options.enabledOnly ? { enabled: true } : {};
    const above = rollUpRegions(regionCode).filter((code) => code !== regionCode);
    const below = regionCode === NATIONAL_REGION_CODE ? {} : { regionCode: Like(`${regionScopePrefix(regionCode)}%`) };
    const records = await repository.find({
      where: [
        { ...enabled, ...below },
        ...(above.length > 0 ? [{ ...enabled, regionCode: In(above), reach: ThresholdReach.REGION_AND_BELOW }] : []),
      ],
      order: { regionCode: 'ASC', indicator: 'ASC', comparison: 'ASC', id: 'ASC' },
    });
    return records;
  }
}

/** Thresholds are set for regions within the caller's own: a province's analyst cannot warn the country. */
function assertConfigurable(scope: RegionScope, field: string, regionCode: string): void {
  const problem = regionCodeProblem(regionCode, { allowNational: true });
  if (problem) throw invalidInput(field, problem);
  if (!inScope(scope, regionCode))
    throw forbidden(
      `只能为本辖区（${scope.region}）设置预警阈值 / You may set thresholds only within region ${scope.region}`,
    );
}
