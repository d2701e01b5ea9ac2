import type { FactMappers } from '../counted-fact';
import { dimensionCode, notAsPromised, wholeCount } from './payload-checks';

/** Facts from enforcement's events. */
export const ENFORCEMENT_FACTS: FactMappers = {
  'case.filed': ({ payload }) => [
    {
      indicator: 'CASES_OPENED',
      regionCode: payload.regionCode,
      occurredAt: payload.filedAt,
      creditCode: payload.creditCode ?? null,
    },
  ],
  'case.decided': ({ payload }) => [
    {
      indicator: 'CASES_DECIDED',
      regionCode: payload.regionCode,
      occurredAt: payload.decidedAt,
      creditCode: payload.creditCode ?? null,
    },
    {
      indicator: 'FINES_FEN',
      regionCode: payload.regionCode,
      occurredAt: payload.decidedAt,
      amount: payload.fineFen ?? 0,
      creditCode: payload.creditCode ?? null,
    },
  ],
  'case.transferred': ({ payload }) => [
    {
      indicator: 'CASES_TRANSFERRED',
      regionCode: payload.fromRegionCode,
      occurredAt: payload.transferredAt,
      dimension: dimensionCode('toRegionCode', payload.toRegionCode),
    },
  ],
  'case.assistance-requested': ({ payload }) => [
    {
      indicator: 'ASSISTANCE_REQUESTS',
      regionCode: payload.requestingRegionCode,
      occurredAt: payload.requestedAt,
      dimension: dimensionCode('assistingRegionCode', payload.assistingRegionCode),
    },
  ],
  'overload-records.weighed': ({ payload }) => {
    const weighed = wholeCount('weighed', payload.weighed);
    const overloaded = wholeCount('overloaded', payload.overloaded);
    if (overloaded > weighed) throw notAsPromised('more overloaded than weighed');
    const at = {
      regionCode: payload.regionCode,
      occurredAt: payload.firstDetectedAt,
      dimension: dimensionCode('stationCode', payload.stationCode),
    };
    return [
      { indicator: 'WEIGHINGS', ...at, amount: weighed },
      { indicator: 'OVERLOAD_RECORDS', ...at, amount: overloaded },
    ];
  },
};
