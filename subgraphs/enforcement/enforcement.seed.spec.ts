import { SYSTEM_SCOPE } from '../../platform/auth/region-scope';
import { residentIdProblem } from '../../platform/codes/resident-id';
import { pageRequest } from '../../platform/graphql/connection';
import { createLogger } from '../../platform/observability/logger';
import type { EventEnvelope } from '../../platform/outbox/domain-event';
import { OutboxMessage } from '../../platform/outbox/outbox-message.entity';
import { CaseShare } from './enforcement-case/case-share.entity';
import { CaseShareKind } from './enforcement-case/case-share-kind';
import { CaseStatus } from './enforcement-case/case-status';
import { CaseStep } from './enforcement-case/case-step.entity';
import { EnforcementCase } from './enforcement-case/enforcement-case.entity';
import { PenaltyKind } from './enforcement-case/penalty-kind';
import { DEMO_PARTY_ID_NUMBER, DEMO_SHARE, seedEnforcement } from './enforcement.seed';
import { AssistanceRequest } from './exchange/assistance-request.entity';
import { CaseTransfer } from './exchange/case-transfer.entity';
import { DEMO_STATION_CODE, seedOverloadRecords } from './overload/overload.seed';
import { openSubgraphTestbed, type TestbedOf } from '../../platform/testing/subgraph-testbed';
import { enforcementSubgraph } from './enforcement.subgraph';
import { scopeIn } from '../../platform/testing/callers';

const SEEDED_CARRIER = '91320102MA1MY0R10Q';

describe('the enforcement demo seed', () => {
  let testbed: TestbedOf<typeof enforcementSubgraph>;
  const seed = () =>
    seedEnforcement(testbed.services, { dataSource: testbed.dataSource, logger: createLogger('spec', 'error') });
  beforeEach(async () => {
    testbed = await openSubgraphTestbed(enforcementSubgraph);
  });
  afterEach(async () => {
    await testbed.close();
  });

  it('gives the single window its story: cases in every status, the seeded carrier fined in Jiangsu', async () => {
    await seed();
    const cases = await testbed.dataSource.getRepository(EnforcementCase).find({ order: { id: 'ASC' } });
    const byStatus = Object.fromEntries(
      Object.values(CaseStatus).map((status) => [status, cases.filter((found) => found.status === status).length]),
    );
    expect(byStatus).toEqual({
      FILING_PENDING: 1,
      NOT_FILED: 1,
      FILED: 1,
      INVESTIGATING: 3,
      LEGAL_REVIEW: 1,
      PENALTY_PROPOSED: 1,
      NOTIFIED: 1,
      HEARING: 1,
      HEARD: 1,
      DECIDED: 3,
      EXECUTED: 1,
      CLOSED: 1,
      DISMISSED: 1,
      TRANSFER_PENDING: 1,
    });

    const carrier = await testbed.services.cases
      .createEnterpriseCasesLoader(SYSTEM_SCOPE, pageRequest({}))
      .load(SEEDED_CARRIER);
    expect(carrier.totalCount).toBe(3);
    expect(carrier.edges.every((edge) => edge.node.regionCode.startsWith('32'))).toBe(true);
    expect(carrier.edges.map((edge) => [edge.node.status, edge.node.penalty, edge.node.plateNumber]).sort()).toEqual([
      ['CLOSED', 'WARNING', null],
      ['DECIDED', 'FINE', null],
      ['INVESTIGATING', null, '苏A12345'],
    ]);
    expect(carrier.edges.find((edge) => edge.node.penalty === PenaltyKind.FINE)?.node).toMatchObject({
      regionCode: '320102',
      fineFen: 2_000_000,
    });

    const person = cases.find((found) => found.partyIdNumber !== null);
    expect(person).toMatchObject({
      regionCode: '320100',
      creditCode: null,
      partyName: '李明',
      partyIdNumber: DEMO_PARTY_ID_NUMBER,
    });
    expect(residentIdProblem(DEMO_PARTY_ID_NUMBER)).toBeNull();
    expect(cases.every((found) => found.filedBy === 'demo-seed')).toBe(true);
  });

  it('leaves one Kunshan case mid-transfer to Hangzhou and one Hangzhou case handed over to Nanjing, evidence verified', async () => {
    await seed();
    const transfers = await testbed.dataSource.getRepository(CaseTransfer).find({ order: { id: 'ASC' } });
    expect(
      transfers.map((transfer) => [
        transfer.fromRegionCode,
        transfer.toRegionCode,
        transfer.status,
        transfer.evidenceVerified,
      ]),
    ).toEqual([
      ['320583', '330106', 'PROPOSED', null],
      ['330102', '320106', 'ACCEPTED', 1],
    ]);
    const pending = await testbed.dataSource
      .getRepository(EnforcementCase)
      .findOneByOrFail({ id: transfers[0].caseId });
    expect(pending).toMatchObject({ status: 'TRANSFER_PENDING', regionCode: '320583', plateNumber: '浙A23456' });
    const zhejiang = scopeIn('330000');
    expect(await testbed.services.cases.find(zhejiang, pending.caseNumber)).toMatchObject({
      caseNumber: pending.caseNumber,
    });
    const moved = await testbed.dataSource.getRepository(EnforcementCase).findOneByOrFail({ id: transfers[1].caseId });
    expect(moved).toMatchObject({ status: 'INVESTIGATING', regionCode: '320106' });
    expect(await testbed.services.cases.find(zhejiang, moved.caseNumber)).toMatchObject({ regionCode: '320106' });
  });

  it('answers one assistance request from Hangzhou with evidence handed over into a Nanjing case file', async () => {
    await seed();
    const [request] = await testbed.dataSource.getRepository(AssistanceRequest).find();
    expect(request).toMatchObject({
      requestingRegionCode: '320102',
      assistingRegionCode: '330100',
      status: 'ANSWERED',
      evidenceVerified: 1,
    });
    const evidence = await testbed.services.evidence.createEvidenceLoader(SYSTEM_SCOPE).load(request.caseId);
    expect(evidence.map((item) => [item.kind, item.regionCode])).toEqual([
      ['INQUIRY_RECORD', '320102'],
      ['DOCUMENT', '330100'],
    ]);
    const content = await testbed.services.evidence.content(SYSTEM_SCOPE, String(evidence[1].id));
    expect(Buffer.from(content!.contentBase64, 'base64').toString()).toBe('demo toll station passage records');
  });

  it('raises the events the other departments count on, so credit records the carrier’s fine', async () => {
    await seed();
    const messages = await testbed.dataSource.getRepository(OutboxMessage).find();
    const count = (type: string, subscriber: string) =>
      messages.filter((message) => message.eventType === type && message.subscriber === subscriber).length;
    // Every approved filing is counted (not the one pending, not the one refused); every decision reaches credit, statistics and licensing.
    expect([
      count('case.filed', 'statistics'),
      count('case.decided', 'credit'),
      count('case.decided', 'statistics'),
      count('case.decided', 'licensing'),
    ]).toEqual([16, 5, 5, 5]);
    const fine = messages
      .map((message) => JSON.parse(message.envelope) as EventEnvelope<'case.decided'>)
      .find(
        (envelope) =>
          envelope.type === 'case.decided' &&
          envelope.payload.creditCode === SEEDED_CARRIER &&
          envelope.payload.penalty === 'FINE',
      );
    expect(fine?.payload).toMatchObject({ regionCode: '320102', fineFen: 2_000_000 });
    // Statistics counts the exchanges between regions: the accepted transfer and the assistance request.
    expect([count('case.transferred', 'statistics'), count('case.assistance-requested', 'statistics')]).toEqual([1, 1]);
  });

  it("gives statistics the demo station's weighings, overloads among them", async () => {
    await seedOverloadRecords(testbed.services, {
      dataSource: testbed.dataSource,
      logger: createLogger('spec', 'error'),
    });
    const weighed = (
      await testbed.dataSource.getRepository(OutboxMessage).findBy({ eventType: 'overload-records.weighed' })
    )
      .map((message) => (JSON.parse(message.envelope) as EventEnvelope<'overload-records.weighed'>).payload)
      .filter((payload) => payload.stationCode === DEMO_STATION_CODE);
    const sum = (field: 'weighed' | 'overloaded') => weighed.reduce((total, payload) => total + payload[field], 0);
    expect([sum('weighed'), sum('overloaded')]).toEqual([4, 2]);
  });

  it('shares one Hangzhou case with Jiangsu, which reads it and none of the carrier’s cases changes', async () => {
    await seed();
    const jiangsu = scopeIn('320000');
    const shares = await testbed.dataSource.getRepository(CaseShare).findBy({ kind: CaseShareKind.READ });
    expect(shares).toEqual([
      expect.objectContaining({ regionCode: '320000', reason: DEMO_SHARE.share.reason, revokedAt: null }),
    ]);
    const shared = await testbed.dataSource.getRepository(EnforcementCase).findOneByOrFail({ id: shares[0].caseId });
    expect(shared).toMatchObject({ ...DEMO_SHARE.filing, status: 'INVESTIGATING' });
    const listed = await testbed.services.cases.list(jiangsu, { regionCode: '330000', status: null }, pageRequest({}));
    expect(listed.edges.map((edge) => edge.node.caseNumber)).toEqual([shared.caseNumber]);
    const carrier = await testbed.services.cases
      .createEnterpriseCasesLoader(jiangsu, pageRequest({}))
      .load(SEEDED_CARRIER);
    expect(carrier.totalCount).toBe(3);
  });

  it('shares the demo case on a database seeded before sharing existed, once', async () => {
    await seed();
    await testbed.dataSource.getRepository(CaseShare).delete({ kind: CaseShareKind.READ });
    await seed();
    await seed();
    expect(await testbed.dataSource.getRepository(CaseShare).countBy({ kind: CaseShareKind.READ })).toBe(1);
  });

  it('does nothing when cases already exist', async () => {
    await seed();
    const counts = async () => ({
      cases: await testbed.dataSource.getRepository(EnforcementCase).count(),
      steps: await testbed.dataSource.getRepository(CaseStep).count(),
      shares: await testbed.dataSource.getRepository(CaseShare).count(),
      outbox: await testbed.dataSource.getRepository(OutboxMessage).count(),
    });
    const first = await counts();
    await seed();
    expect(await counts()).toEqual(first);
    expect(first.cases).toBe(18);
    // The read share, the pending transfer's review share, and the accepted transfer's ended review and kept read access.
    expect(first.shares).toBe(4);
  });
});
