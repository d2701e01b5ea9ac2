import type { FactMappers } from '../counted-fact';

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
};
