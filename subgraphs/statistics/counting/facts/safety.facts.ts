import { provinceOf, regionCodeProblem } from '../../../../platform/codes/region-code';
import type { CountedFact, FactMappers } from '../counted-fact';
import { notAsPromised, wholeCount } from './payload-checks';

const CHINA_DATE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

/** Noon China Standard Time of a China date: an instant safely inside the date's month. */
function middayOf(field: string, date: unknown): string {
  if (typeof date !== 'string' || !CHINA_DATE.test(date)) throw notAsPromised(`${field} is not a date YYYY-MM-DD`);
  return `${date}T12:00:00+08:00`;
}

/** Facts from safety's events. */
export const SAFETY_FACTS: FactMappers = {
  /**
   * Every waybill counts at its origin, by hazard class ('' in events from before the class was sent). One
   * whose destination lies in another province also counts as a cross-province flow, at the origin, with
   * the destination province as its dimension: a province's breakdown by dimension is its row of the
   * origin-destination matrix.
   */
  'waybill.created': ({ payload }) => {
    const facts: CountedFact[] = [
      {
        indicator: 'WAYBILLS_CREATED',
        regionCode: payload.originRegionCode,
        occurredAt: payload.createdAt,
        dimension: payload.hazardClass ?? '',
        creditCode: payload.carrierCreditCode,
      },
    ];
    const destination = payload.destinationRegionCode;
    if (destination === undefined) return facts;
    if (typeof destination !== 'string' || regionCodeProblem(destination) !== null)
      throw notAsPromised('destinationRegionCode is not a GB/T 2260 code');
    if (
      typeof payload.originRegionCode === 'string' &&
      provinceOf(destination) !== provinceOf(payload.originRegionCode)
    )
      facts.push({
        indicator: 'CROSS_PROVINCE_WAYBILLS',
        regionCode: payload.originRegionCode,
        occurredAt: payload.createdAt,
        dimension: provinceOf(destination),
      });
    return facts;
  },
  'safety-alert.raised': ({ payload }) => [
    {
      indicator: 'SAFETY_ALERTS',
      regionCode: payload.regionCode,
      occurredAt: payload.occurredAt,
      dimension: payload.kind,
    },
  ],
  'monitoring.day-closed': ({ payload }) => {
    const occurredAt = middayOf('day', payload.day);
    const monitored = wholeCount('monitoredVehicles', payload.monitoredVehicles);
    const online = wholeCount('onlineVehicles', payload.onlineVehicles);
    if (online > monitored) throw notAsPromised('more vehicles online than monitored');
    return [
      { indicator: 'MONITORED_VEHICLE_DAYS', regionCode: payload.regionCode, occurredAt, amount: monitored },
      { indicator: 'ONLINE_VEHICLE_DAYS', regionCode: payload.regionCode, occurredAt, amount: online },
    ];
  },
  'hazard.found': ({ payload }) => {
    const found = {
      regionCode: payload.regionCode,
      occurredAt: middayOf('foundOn', payload.foundOn),
      dimension: payload.level,
    };
    return [
      { ...found, indicator: 'HAZARDS_FOUND' },
      { ...found, indicator: 'HAZARD_OPEN_CHANGES', amount: 1 },
    ];
  },
  'hazard.closed': ({ payload }) => {
    if (typeof payload.late !== 'boolean') throw notAsPromised('late is not true or false');
    const closed = { regionCode: payload.regionCode, occurredAt: payload.closedAt, dimension: payload.level };
    return [
      { ...closed, indicator: 'HAZARDS_CLOSED' },
      { ...closed, indicator: 'HAZARD_OPEN_CHANGES', amount: -1 },
      ...(payload.late ? [{ ...closed, indicator: 'HAZARDS_CLOSED_LATE' }] : []),
      // Only a hazard the sweep counted overdue leaves the overdue stock.
      ...(payload.overdueCounted === true ? [{ ...closed, indicator: 'HAZARD_OVERDUE_CHANGES', amount: -1 }] : []),
    ];
  },
  /** Overdue from the day after its deadline day, in that day's month. */
  'hazard.overdue': ({ payload }) => [
    {
      indicator: 'HAZARD_OVERDUE_CHANGES',
      regionCode: payload.regionCode,
      occurredAt: new Date(Date.parse(middayOf('deadline', payload.deadline)) + DAY_MS).toISOString(),
      dimension: payload.level,
      amount: 1,
    },
  ],
};
