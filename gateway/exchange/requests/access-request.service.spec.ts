import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import type { Identity } from '../../../platform/auth/identity';
import { PurposeCode } from '../../../platform/auth/purpose';
import { openDataSource } from '../../../platform/database/data-source.factory';
import type { DomainError } from '../../../platform/errors/domain-error';
import { createLogger } from '../../../platform/observability/logger';
import { Counters } from '../../../platform/observability/metrics';
import { GATEWAY_ENTITIES, GATEWAY_MIGRATIONS } from '../../audit/audit-database';
import { Catalogue, ShareClass, type CatalogueItem } from '../catalogue/catalogue';
import { DataGrant } from '../grants/data-grant.entity';
import { GrantBook } from '../grants/grant-book';
import { DataAccessDecision } from './access-request.inputs';
import { AccessRequestDesk } from './access-request.service';
import { DataAccessItem, DataAccessItemStatus } from './data-access-item.entity';
import { DataAccessRequest } from './data-access-request.entity';

function catalogueItem(
  coordinate: string,
  department: string,
  category: string,
  shareClass: ShareClass,
  personalInformation = false,
): CatalogueItem {
  const [typeName, fieldName] = coordinate.split('.');
  return {
    coordinate,
    typeName,
    fieldName,
    department,
    category,
    shareClass,
    personalInformation,
    updateFrequency: 'DAILY',
    legalBasis: '《政务信息资源共享管理暂行办法》',
    description: coordinate,
  };
}

const CATALOGUE = new Catalogue([
  catalogueItem('Enterprise.name', 'licensing', 'registry', ShareClass.UNCONDITIONAL),
  catalogueItem('Permit.status', 'licensing', 'permits', ShareClass.UNCONDITIONAL),
  catalogueItem('CreditListEntry.criterion', 'credit', 'credit', ShareClass.CONDITIONAL),
  catalogueItem('Vehicle.driverName', 'licensing', 'vehicles', ShareClass.CONDITIONAL, true),
  catalogueItem('Evidence.description', 'enforcement', 'cases', ShareClass.NOT_SHARED),
]);

function identity(overrides: Partial<Identity>): Identity {
  return {
    subject: overrides.username ?? 'someone',
    username: 'someone',
    clientId: 'single-window-console',
    roles: new Set(),
    region: '000000',
    department: null,
    partnerClient: null,
    serviceAccount: false,
    scopes: new Set(),
    ...overrides,
  };
}

const PARTNER = identity({
  username: 'ndrc-partner-admin',
  roles: new Set(['partner-admin']),
  partnerClient: 'partner-ndrc',
});
const CREDIT_APPROVER = identity({
  username: 'ministry-credit-approver',
  roles: new Set(['data-sharing-approver']),
  department: 'credit',
});
const LICENSING_APPROVER = identity({
  username: 'ministry-licensing-approver',
  roles: new Set(['data-sharing-approver']),
  department: 'licensing',
});
const REQUEST = {
  coordinates: ['Enterprise.name', 'CreditListEntry.criterion'],
  purposes: [PurposeCode.CREDIT_ASSESSMENT],
  legalBasis: '《社会信用体系建设规划纲要》',
  reason: '投资项目审批前核查企业信用状况',
};
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000);

async function refusal(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  const error = (await promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (caught: unknown) => caught,
  )) as DomainError;
  return { message: error.message, ...error.extensions };
}

describe('access requests and their decisions (共享申请与审批)', () => {
  let dataSource: DataSource;
  let grants: GrantBook;
  let desk: AccessRequestDesk;
  const rows = async () => ({
    requests: await dataSource.getRepository(DataAccessRequest).count(),
    items: await dataSource.getRepository(DataAccessItem).count(),
    grants: await dataSource.getRepository(DataGrant).count(),
  });

  beforeEach(async () => {
    dataSource = await openDataSource({
      settings: { kind: 'embedded', schema: 'gateway', poolSize: 1 },
      dataDir: mkdtempSync(join(tmpdir(), 'access-request-spec-')),
      entities: GATEWAY_ENTITIES,
      migrations: GATEWAY_MIGRATIONS,
      counters: new Counters(),
      logger: createLogger('spec', 'error'),
    });
    grants = new GrantBook(() => dataSource);
    desk = new AccessRequestDesk(
      () => dataSource,
      () => CATALOGUE,
      grants,
    );
  });
  afterEach(async () => {
    await dataSource.destroy();
  });

  it('grants an unconditional item at once and leaves a conditional one pending for its department', async () => {
    const request = await desk.request(PARTNER, REQUEST);
    expect(request).toMatchObject({
      clientId: 'partner-ndrc',
      requestedBy: 'ndrc-partner-admin',
      purposes: 'CREDIT_ASSESSMENT',
    });
    expect(
      request.items.map(({ coordinate, status, decidedBy, department }) => ({
        coordinate,
        status,
        decidedBy,
        department,
      })),
    ).toEqual([
      { coordinate: 'Enterprise.name', status: 'GRANTED', decidedBy: 'catalogue', department: 'licensing' },
      { coordinate: 'CreditListEntry.criterion', status: 'PENDING', decidedBy: null, department: 'credit' },
    ]);
    const active = await grants.activeFor('partner-ndrc');
    expect(active.covers('Enterprise.name', PurposeCode.CREDIT_ASSESSMENT)).toBe(true);
    expect(active.covers('CreditListEntry.criterion')).toBe(false);
    expect(active.grants[0]).toMatchObject({ requestId: request.id, grantedBy: 'catalogue', expiresAt: null });
  });

  it('lets only the owning department grant, with an expiry, and records who decided when', async () => {
    const request = await desk.request(PARTNER, REQUEST);
    const pending = request.items[1];
    expect(
      await refusal(
        desk.decide(LICENSING_APPROVER, {
          itemIds: [pending.id],
          decision: DataAccessDecision.GRANT,
          expiresAt: inDays(90),
        }),
      ),
    ).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining(`${pending.id}`) as unknown,
    });
    const expiresAt = inDays(90);
    const [decided] = await desk.decide(CREDIT_APPROVER, {
      itemIds: [pending.id],
      decision: DataAccessDecision.GRANT,
      expiresAt,
    });
    // To whole seconds, as MySQL's datetime keeps it: the answer is what a later read gives.
    const stored = new Date(Math.floor(expiresAt.getTime() / 1000) * 1000);
    expect(decided).toMatchObject({ status: 'GRANTED', decidedBy: 'ministry-credit-approver', expiresAt: stored });
    const grant = await dataSource.getRepository(DataGrant).findOneByOrFail({ id: decided.grantId! });
    expect(grant).toMatchObject({
      coordinate: 'CreditListEntry.criterion',
      grantedBy: 'ministry-credit-approver',
      requestId: request.id,
      department: 'credit',
      purposes: 'CREDIT_ASSESSMENT',
      expiresAt: stored,
    });
    expect(
      (await grants.activeFor('partner-ndrc')).covers('CreditListEntry.criterion', PurposeCode.CREDIT_ASSESSMENT),
    ).toBe(true);
    // Decided once: a second decision is a conflict with a stable reason.
    expect(
      await refusal(
        desk.decide(CREDIT_APPROVER, {
          itemIds: [pending.id],
          decision: DataAccessDecision.REFUSE,
          reason: '不再需要共享',
        }),
      ),
    ).toMatchObject({
      code: 'CONFLICT',
      reason: 'ITEM_ALREADY_DECIDED',
    });
  });

  it('refuses a request naming a not-shared item and records nothing', async () => {
    const before = await rows();
    expect(
      await refusal(desk.request(PARTNER, { ...REQUEST, coordinates: ['Enterprise.name', 'Evidence.description'] })),
    ).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'ITEM_NOT_SHAREABLE',
      field: 'coordinates[1]',
      message: expect.stringContaining('Evidence.description') as unknown,
    });
    expect(await rows()).toEqual(before);
  });

  it.each([
    ['an unknown item', { coordinates: ['Enterprise.nothing'] }, 'coordinates[0]'],
    ['an empty list', { coordinates: [] }, 'coordinates'],
    ['a repeated item', { coordinates: ['Permit.status', 'Enterprise.name', 'Permit.status'] }, 'coordinates[2]'],
    [
      'over 200 items',
      { coordinates: Array.from({ length: 201 }, (_, index) => `Enterprise.f${index}`) },
      'coordinates',
    ],
    ['no purpose', { purposes: [] }, 'purposes'],
    [
      'statistics of personal items',
      { coordinates: ['Vehicle.driverName'], purposes: [PurposeCode.STATISTICAL_ANALYSIS] },
      'purposes',
    ],
    ['no legal basis', { legalBasis: '  ' }, 'legalBasis'],
  ])('refuses %s, naming the field', async (_title, change, field) => {
    expect(await refusal(desk.request(PARTNER, { ...REQUEST, ...change }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field,
    });
    expect(await rows()).toEqual({ requests: 0, items: 0, grants: 0 });
  });

  it('lets only a partner administrator request, for its own client', async () => {
    expect(await refusal(desk.request(CREDIT_APPROVER, REQUEST))).toMatchObject({ code: 'FORBIDDEN' });
  });

  it('needs a reason to refuse and a future expiry at most 3 years ahead to grant', async () => {
    const { items } = await desk.request(PARTNER, REQUEST);
    const itemIds = [items[1].id];
    const refuse = { itemIds, decision: DataAccessDecision.REFUSE };
    expect(await refusal(desk.decide(CREDIT_APPROVER, refuse))).toMatchObject({ field: 'reason' });
    const grant = { itemIds, decision: DataAccessDecision.GRANT };
    expect(await refusal(desk.decide(CREDIT_APPROVER, grant))).toMatchObject({ field: 'expiresAt' });
    expect(await refusal(desk.decide(CREDIT_APPROVER, { ...grant, expiresAt: inDays(-1) }))).toMatchObject({
      field: 'expiresAt',
    });
    expect(await refusal(desk.decide(CREDIT_APPROVER, { ...grant, expiresAt: inDays(3 * 366) }))).toMatchObject({
      field: 'expiresAt',
    });
    const [refused] = await desk.decide(CREDIT_APPROVER, { ...refuse, reason: '申请用途与该数据项无关' });
    expect(refused).toMatchObject({ status: 'REFUSED', refusalReason: '申请用途与该数据项无关', grantId: null });
    expect((await grants.activeFor('partner-ndrc')).covers('CreditListEntry.criterion')).toBe(false);
  });

  it('decides all items named or none: one already decided leaves the others pending', async () => {
    const first = await desk.request(PARTNER, REQUEST);
    const second = await desk.request(PARTNER, { ...REQUEST, coordinates: ['CreditListEntry.criterion'] });
    await desk.decide(CREDIT_APPROVER, {
      itemIds: [first.items[1].id],
      decision: DataAccessDecision.REFUSE,
      reason: '用途不明确',
    });
    const before = await rows();
    expect(
      await refusal(
        desk.decide(CREDIT_APPROVER, {
          itemIds: [second.items[0].id, first.items[1].id],
          decision: DataAccessDecision.GRANT,
          expiresAt: inDays(30),
        }),
      ),
    ).toMatchObject({ code: 'CONFLICT', reason: 'ITEM_ALREADY_DECIDED' });
    expect(await rows()).toEqual(before);
    expect((await dataSource.getRepository(DataAccessItem).findOneByOrFail({ id: second.items[0].id })).status).toBe(
      DataAccessItemStatus.PENDING,
    );
  });

  it('lists a partner its own requests whole and an approver only its department items', async () => {
    const request = await desk.request(PARTNER, REQUEST);
    await desk.request(identity({ username: 'other-admin', partnerClient: 'partner-other' }), {
      ...REQUEST,
      coordinates: ['Permit.status'],
    });
    const mine = await desk.list(PARTNER, {});
    expect(mine.map((listed) => [listed.id, listed.items.map((item) => item.coordinate)])).toEqual([
      [request.id, ['Enterprise.name', 'CreditListEntry.criterion']],
    ]);
    const credit = await desk.list(CREDIT_APPROVER, { status: DataAccessItemStatus.PENDING });
    expect(credit.map((listed) => [listed.id, listed.items.map((item) => item.coordinate)])).toEqual([
      [request.id, ['CreditListEntry.criterion']],
    ]);
    const licensing = await desk.list(LICENSING_APPROVER, { status: DataAccessItemStatus.PENDING });
    expect(licensing).toEqual([]);
  });

  it('revokes a grant of the approver own department at once, and only once', async () => {
    const { items } = await desk.request(PARTNER, REQUEST);
    const [granted] = await desk.decide(CREDIT_APPROVER, {
      itemIds: [items[1].id],
      decision: DataAccessDecision.GRANT,
      expiresAt: inDays(30),
    });
    expect(await refusal(desk.revoke(LICENSING_APPROVER, granted.grantId!, '合作协议终止'))).toMatchObject({
      code: 'FORBIDDEN',
    });
    const revoked = await desk.revoke(CREDIT_APPROVER, granted.grantId!, '合作协议终止');
    expect(revoked).toMatchObject({ revokedBy: CREDIT_APPROVER.username, revokeReason: '合作协议终止' });
    expect(revoked).toMatchObject({ revokedBy: 'ministry-credit-approver' });
    expect((await grants.activeFor('partner-ndrc')).covers('CreditListEntry.criterion')).toBe(false);
    expect(await refusal(desk.revoke(CREDIT_APPROVER, granted.grantId!, '合作协议终止'))).toMatchObject({
      code: 'CONFLICT',
      reason: 'GRANT_NOT_IN_FORCE',
    });
  });
});
