import type { FactMappers } from '../counted-fact';

/** Facts from safety's events. */
export const SAFETY_FACTS: FactMappers = {
  'waybill.created': ({ payload }) => [
    {
      indicator: 'WAYBILLS_CREATED',
      regionCode: payload.originRegionCode,
      occurredAt: payload.createdAt,
      creditCode: payload.carrierCreditCode,
    },
  ],
};
