import type { CountedFact, FactMappers } from '../counted-fact';
import { notAsPromised, trueOrFalse } from './payload-checks';

/** Facts from credit's events. */
export const CREDIT_FACTS: FactMappers = {
  'credit.disclosure-published': ({ payload }) => {
    trueOrFalse('late', payload.late);
    const published: CountedFact = {
      indicator: 'DISCLOSURES_PUBLISHED',
      regionCode: payload.regionCode,
      occurredAt: payload.publishedAt,
      dimension: payload.kind,
    };
    return [
      published,
      ...(payload.late ? [{ ...published, indicator: 'DISCLOSURES_PUBLISHED_LATE' }] : []),
      // Only a disclosure counted overdue unpublished leaves that stock when it is published.
      ...(payload.overdueCounted === true
        ? [{ ...published, indicator: 'DISCLOSURE_OVERDUE_CHANGES', amount: -1 }]
        : []),
    ];
  },
  /** Overdue from the instant its deadline day ended. */
  'credit.disclosure-overdue': ({ payload }) => {
    const deadlineEnd = Date.parse(payload.publishBy);
    if (Number.isNaN(deadlineEnd)) throw notAsPromised('publishBy is not an ISO instant');
    return [
      {
        indicator: 'DISCLOSURE_OVERDUE_CHANGES',
        regionCode: payload.regionCode,
        occurredAt: new Date(deadlineEnd + 1).toISOString(),
        dimension: payload.kind,
        amount: 1,
      },
    ];
  },
  /**
   * A listing counts when the entry opens (version 1), a removal when it leaves; a decision added to a
   * current entry changes nothing counted. Events from before credit named the listing region have no
   * region to count under, so they count nowhere.
   */
  'credit.list-changed': ({ payload }) => {
    if (payload.regionCode === undefined) return [];
    const action =
      payload.action ?? (!payload.listed ? 'REMOVED' : payload.version === 1 ? 'LISTED' : 'DECISION_ADDED');
    const where = { regionCode: payload.regionCode };
    if (action === 'LISTED')
      return [
        { ...where, indicator: 'CREDIT_LIST_ENTRIES', occurredAt: payload.startedAt, dimension: payload.criterion },
        { ...where, indicator: 'CREDIT_LIST_CHANGES', occurredAt: payload.startedAt, dimension: payload.criterion },
      ];
    if (action !== 'REMOVED') return [];
    if (typeof payload.removedAt !== 'string') throw notAsPromised('a removal names no removedAt');
    return [
      {
        ...where,
        indicator: 'CREDIT_LIST_REMOVALS',
        occurredAt: payload.removedAt,
        dimension: payload.removalReason ?? '',
      },
      {
        ...where,
        indicator: 'CREDIT_LIST_CHANGES',
        occurredAt: payload.removedAt,
        dimension: payload.criterion,
        amount: -1,
      },
    ];
  },
  'credit.repair-decided': ({ payload }) => {
    trueOrFalse('approved', payload.approved);
    return [
      {
        indicator: 'CREDIT_REPAIRS_DECIDED',
        regionCode: payload.regionCode,
        occurredAt: payload.decidedAt,
        dimension: payload.approved ? 'APPROVED' : 'REFUSED',
      },
    ];
  },
};
