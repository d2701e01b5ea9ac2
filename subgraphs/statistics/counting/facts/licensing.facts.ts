import type { CountedFact, FactMappers } from '../counted-fact';
import { dimensionCode, notAsPromised, trueOrFalse, wholeCount } from './payload-checks';

/** Working days above this are counted as this in the decision-time histogram (one dimension value each). */
export const MAX_COUNTED_WORKING_DAYS = 999;

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
  'permit-application.received': ({ payload }) => [
    {
      indicator: 'APPLICATIONS_RECEIVED',
      regionCode: payload.regionCode,
      occurredAt: payload.receivedAt,
      dimension: dimensionCode('kind', payload.kind),
    },
  ],
  'permit-application.decided': ({ payload }) => {
    if (payload.outcome !== 'APPROVED' && payload.outcome !== 'REFUSED')
      throw notAsPromised(`outcome ${String(payload.outcome)} is neither APPROVED nor REFUSED`);
    const workingDays = Math.min(wholeCount('workingDays', payload.workingDays), MAX_COUNTED_WORKING_DAYS);
    trueOrFalse('overdue', payload.overdue);
    const kind = dimensionCode('kind', payload.kind);
    const at = { regionCode: payload.regionCode, occurredAt: payload.decidedAt, dimension: kind };
    const facts: CountedFact[] = [
      { indicator: 'APPLICATIONS_DECIDED', ...at },
      { indicator: 'PERMIT_DECISION_WORKING_DAYS', ...at, dimension: `${kind}/${workingDays}` },
    ];
    if (payload.outcome === 'REFUSED') facts.push({ indicator: 'APPLICATIONS_REFUSED', ...at });
    if (payload.overdue) facts.push({ indicator: 'APPLICATIONS_DECIDED_LATE', ...at });
    return facts;
  },
  'permit-application.overdue': ({ payload }) => [
    {
      indicator: 'APPLICATIONS_OVERDUE',
      regionCode: payload.regionCode,
      occurredAt: payload.overdueAt,
      dimension: dimensionCode('kind', payload.kind),
    },
  ],
};
