import type { FactMappers } from '../counted-fact';

/** Facts from licensing's events. */
export const LICENSING_FACTS: FactMappers = {
  'permit.issued': ({ payload }) => [
    {
      indicator: 'PERMITS_ISSUED',
      regionCode: payload.regionCode,
      occurredAt: payload.issuedAt,
      dimension: payload.kind,
      creditCode: payload.creditCode,
    },
  ],
};
