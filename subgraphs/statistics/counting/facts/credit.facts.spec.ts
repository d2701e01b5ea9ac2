import type { EventPayloads } from '../../../../platform/outbox/domain-event';
import type { Logger } from '../../../../platform/observability/logger';
import { envelopeOf } from '../../../../platform/testing/event-envelopes';
import { EventCountingService } from '../event-counting.service';

/** A counting service whose refusals are recorded: what `countableFacts` keeps is what would be counted. */
function counting() {
  const warnings: Array<Record<string, unknown> | undefined> = [];
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    error: () => undefined,
    warn: (_message, detail) => void warnings.push(detail),
  };
  return { service: new EventCountingService(logger), warnings };
}

const publishedEvent = (payload: Partial<EventPayloads['credit.disclosure-published']> = {}) =>
  envelopeOf(
    'credit.disclosure-published',
    {
      disclosureId: '7',
      kind: 'ADMINISTRATIVE_PENALTY',
      regionCode: '320102',
      decidedAt: '2026-03-02T02:00:00.000Z',
      publishBy: '2026-03-11T15:59:59.999Z',
      publishedAt: '2026-03-03T02:00:00.000Z',
      late: false,
      ...payload,
    },
    'credit',
  );

const listChanged = (payload: Partial<EventPayloads['credit.list-changed']> = {}) =>
  envelopeOf(
    'credit.list-changed',
    {
      entryId: '3',
      version: 1,
      list: 'SERIOUS_DISHONESTY',
      creditCode: '91320102MA1MY0R10Q',
      listed: true,
      criterion: 'PERMIT_REVOKED',
      startedAt: '2026-03-02T06:00:00.000Z',
      plannedRemovalAt: '2029-03-02T06:00:00.000Z',
      removedAt: null,
      action: 'LISTED',
      regionCode: '320102',
      removalReason: null,
      ...payload,
    },
    'credit',
  );

const repairDecided = (approved: boolean) =>
  envelopeOf(
    'credit.repair-decided',
    {
      applicationId: '4',
      regionCode: '330106',
      approved,
      filedAt: '2026-05-01T02:00:00.000Z',
      decidedAt: '2026-05-20T02:00:00.000Z',
    },
    'credit',
  );

describe("facts from credit's events", () => {
  it('counts a publication by kind, and a late one once more as late', () => {
    const { service } = counting();
    expect(service.countableFacts(publishedEvent())).toEqual([
      {
        indicator: 'DISCLOSURES_PUBLISHED',
        regionCode: '320102',
        occurredAt: '2026-03-03T02:00:00.000Z',
        dimension: 'ADMINISTRATIVE_PENALTY',
      },
    ]);
    const late = service.countableFacts(publishedEvent({ kind: 'ADMINISTRATIVE_LICENSE', late: true }));
    expect(late.map((fact) => [fact.indicator, fact.dimension])).toEqual([
      ['DISCLOSURES_PUBLISHED', 'ADMINISTRATIVE_LICENSE'],
      ['DISCLOSURES_PUBLISHED_LATE', 'ADMINISTRATIVE_LICENSE'],
    ]);
  });

  it('counts a disclosure overdue unpublished from the end of its deadline day, and out again when published', () => {
    const { service } = counting();
    const overdue = envelopeOf(
      'credit.disclosure-overdue',
      {
        disclosureId: '9',
        kind: 'ADMINISTRATIVE_PENALTY',
        regionCode: '320583',
        publishBy: '2026-03-31T15:59:59.999Z',
      },
      'credit',
    );
    expect(service.countableFacts(overdue)).toEqual([
      {
        indicator: 'DISCLOSURE_OVERDUE_CHANGES',
        regionCode: '320583',
        occurredAt: '2026-03-31T16:00:00.000Z',
        dimension: 'ADMINISTRATIVE_PENALTY',
        amount: 1,
      },
    ]);
    const published = service.countableFacts(
      publishedEvent({
        regionCode: '320583',
        late: true,
        overdueCounted: true,
        publishedAt: '2026-04-02T01:00:00.000Z',
      }),
    );
    expect(published.map((fact) => [fact.indicator, fact.amount])).toEqual([
      ['DISCLOSURES_PUBLISHED', undefined],
      ['DISCLOSURES_PUBLISHED_LATE', undefined],
      ['DISCLOSURE_OVERDUE_CHANGES', -1],
    ]);
    const badTime = { ...overdue, payload: { ...overdue.payload, publishBy: 'soon' } };
    expect(service.countableFacts(badTime)).toEqual([]);
  });

  it('counts a listing as an entry and +1 standing, a removal by reason and -1, an added decision not at all', () => {
    const { service } = counting();
    expect(service.countableFacts(listChanged())).toEqual([
      {
        indicator: 'CREDIT_LIST_ENTRIES',
        regionCode: '320102',
        occurredAt: '2026-03-02T06:00:00.000Z',
        dimension: 'PERMIT_REVOKED',
      },
      {
        indicator: 'CREDIT_LIST_CHANGES',
        regionCode: '320102',
        occurredAt: '2026-03-02T06:00:00.000Z',
        dimension: 'PERMIT_REVOKED',
      },
    ]);
    expect(service.countableFacts(listChanged({ version: 2, action: 'DECISION_ADDED' }))).toEqual([]);
    const removal = { version: 3, listed: false, removedAt: '2026-06-01T00:00:00.000Z', removalReason: 'REPAIRED' };
    expect(service.countableFacts(listChanged({ ...removal, action: 'REMOVED' }))).toEqual([
      {
        indicator: 'CREDIT_LIST_REMOVALS',
        regionCode: '320102',
        occurredAt: '2026-06-01T00:00:00.000Z',
        dimension: 'REPAIRED',
      },
      {
        indicator: 'CREDIT_LIST_CHANGES',
        regionCode: '320102',
        occurredAt: '2026-06-01T00:00:00.000Z',
        dimension: 'PERMIT_REVOKED',
        amount: -1,
      },
    ]);
  });

  it('reads the action from version and listed in events without one, and counts events without a region nowhere', () => {
    const { service, warnings } = counting();
    const older = listChanged({ action: undefined });
    expect(service.countableFacts(older).map((fact) => fact.indicator)).toEqual([
      'CREDIT_LIST_ENTRIES',
      'CREDIT_LIST_CHANGES',
    ]);
    expect(service.countableFacts(listChanged({ action: undefined, version: 2 }))).toEqual([]);
    expect(service.countableFacts(listChanged({ regionCode: undefined }))).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it('counts a repair decision by its outcome', () => {
    const { service } = counting();
    expect(service.countableFacts(repairDecided(true))).toEqual([
      {
        indicator: 'CREDIT_REPAIRS_DECIDED',
        regionCode: '330106',
        occurredAt: '2026-05-20T02:00:00.000Z',
        dimension: 'APPROVED',
      },
    ]);
    expect(service.countableFacts(repairDecided(false))[0].dimension).toBe('REFUSED');
  });

  it.each([
    ['a publication without a region', publishedEvent({ regionCode: undefined as unknown as string })],
    ['a publication with a bad time', publishedEvent({ publishedAt: 'yesterday' })],
    ['a publication whose lateness is not told', publishedEvent({ late: 'yes' as unknown as boolean })],
    ['a removal without its time', listChanged({ action: 'REMOVED', listed: false, removedAt: null })],
    ['a listing in a region that does not exist', listChanged({ regionCode: '999999' })],
    [
      'a repair whose outcome is not told',
      { ...repairDecided(true), payload: { ...repairDecided(true).payload, approved: null as unknown as boolean } },
    ],
  ])('counts %s not at all, and says why', (_case, envelope) => {
    const { service, warnings } = counting();
    expect(service.countableFacts(envelope)).toEqual([]);
    expect(warnings.map((warning) => [warning?.eventId, typeof warning?.problem])).toEqual([[envelope.id, 'string']]);
  });
});
