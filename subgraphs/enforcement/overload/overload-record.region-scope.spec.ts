import type { RegionScope } from '../../../platform/auth/region-scope';
import { pageRequest } from '../../../platform/graphql/connection';
import { scopeIn } from '../../../platform/testing/callers';
import { expectDomainError } from '../../../platform/testing/expect-domain-error';
import {
  detection,
  HANGZHOU_STATION,
  JIANGSU,
  NANJING,
  NATIONAL,
  overloaded,
  overloadPerTest,
  type OverloadSpec,
  ZHEJIANG,
} from './overload-record.fixture';

// Who submits and sees overload records: the responsible region, the regions a record's case is shared or
// transferred with, and no one else.

describe('OverloadRecordService', () => {
  let testbed: OverloadSpec['testbed'],
    overload: OverloadSpec['overload'],
    submit: OverloadSpec['submit'],
    storedRecords: OverloadSpec['storedRecords'],
    storedCases: OverloadSpec['storedCases'];
  overloadPerTest((spec) => ({ testbed, overload, submit, storedRecords, storedCases } = spec));

  describe('region scope', () => {
    it("refuses a batch naming a station outside the caller's region as FORBIDDEN, writing nothing of it", async () => {
      const refused = await expectDomainError(submit([overloaded(), overloaded({ stationCode: HANGZHOU_STATION })]));
      expect(refused.extensions).toMatchObject({ code: 'FORBIDDEN' });
      expect(refused.message).toBe(
        `records[1].stationCode: station ${HANGZHOU_STATION} lies outside your region 320000; nothing was recorded`,
      );
      expect(await storedRecords()).toEqual([]);
      expect(await storedCases()).toEqual([]);
    });

    it('shows records where the responsible region is in scope, and where their case is seen (handled or shared)', async () => {
      await submit([
        overloaded({ stationRecordId: 'KS-A' }),
        detection({ stationRecordId: 'KS-B', plateNumber: '苏A9L628' }),
      ]);
      await submit(
        [overloaded({ stationRecordId: 'HZ-A', stationCode: HANGZHOU_STATION, plateNumber: '浙A23456' })],
        NATIONAL,
      );
      const listed = async (
        scope: RegionScope,
        filter = { regionCode: null as string | null, plateNumber: null as string | null },
      ) => {
        const page = await overload.list(scope, filter, pageRequest({}));
        expect(page.totalCount).toBe(page.edges.length);
        return page.edges.map((edge) => edge.node.stationRecordId);
      };
      expect(await listed(NATIONAL)).toEqual(['HZ-A', 'KS-B', 'KS-A']);
      expect(await listed(JIANGSU)).toEqual(['KS-B', 'KS-A']);
      expect(await listed(NANJING)).toEqual([]);
      expect(await listed(ZHEJIANG)).toEqual(['HZ-A']);
      expect(await listed(NATIONAL, { regionCode: '320500', plateNumber: null })).toEqual(['KS-B', 'KS-A']);
      expect(await listed(JIANGSU, { regionCode: null, plateNumber: '苏A9L628' })).toEqual(['KS-B']);
      expect(await listed(JIANGSU, { regionCode: '330000', plateNumber: null })).toEqual([]);

      // Kunshan shares its draft with Zhejiang (the vehicle is checked there): Zhejiang now sees that record, and only that one.
      const kunshanDraft = (await storedCases()).find((found) => found.regionCode === '320583')!;
      await testbed.services.cases.share(
        JIANGSU,
        { caseNumber: kunshanDraft.caseNumber, regionCode: '330000', reason: '请协助核查车辆' },
        'js-enforcement-supervisor',
      );
      expect(await listed(ZHEJIANG)).toEqual(['HZ-A', 'KS-A']);
      const ofCase = await overload.createCaseRecordsLoader(ZHEJIANG, pageRequest({})).load(String(kunshanDraft.id));
      expect(ofCase.edges.map((edge) => edge.node.stationRecordId)).toEqual(['KS-A']);
      expect((await overload.createCasesLoader(ZHEJIANG).load(kunshanDraft.id))?.caseNumber).toBe(
        kunshanDraft.caseNumber,
      );
      const ofVehicle = await overload
        .createVehicleRecordsLoader(NANJING, pageRequest({}))
        .loadMany(['苏E88888', '浙A23456']);
      expect(ofVehicle.map((page) => (page instanceof Error ? page : page.totalCount))).toEqual([0, 0]);
      const zhejiangCase = (await storedCases()).find((found) => found.regionCode === '330106')!;
      expect(await overload.createCasesLoader(JIANGSU).load(zhejiangCase.id)).toBeNull();
      expect(
        await overload.createCaseRecordsLoader(JIANGSU, pageRequest({})).load(String(zhejiangCase.id)),
      ).toMatchObject({ totalCount: 0, edges: [] });
    });
  });

  it('shows records where their case goes on a transfer: the receiving region while it reviews and once it handles the case, the region that handed it over its own records, no one else', async () => {
    const XIHU = scopeIn('330106');
    const SHANGHAI = scopeIn('310000');
    await submit([overloaded({ stationRecordId: 'KS-T' })]);
    await submit(
      [overloaded({ stationRecordId: 'HZ-T', stationCode: HANGZHOU_STATION, plateNumber: '浙A23456' })],
      NATIONAL,
    );
    const kunshanDraft = (await storedCases()).find((found) => found.regionCode === '320583')!;
    const seenBy = async (scope: RegionScope) => ({
      listed: (await overload.list(scope, { regionCode: null, plateNumber: null }, pageRequest({}))).edges.map(
        (edge) => edge.node.stationRecordId,
      ),
      ofCase: (await overload.createCaseRecordsLoader(scope, pageRequest({})).load(String(kunshanDraft.id))).edges.map(
        (edge) => edge.node.stationRecordId,
      ),
      case: (await overload.createCasesLoader(scope).load(kunshanDraft.id))?.regionCode ?? null,
    });
    const nothing = { listed: [], ofCase: [], case: null };
    const propose = () =>
      testbed.services.transfers.propose(
        JIANGSU,
        {
          caseNumber: kunshanDraft.caseNumber,
          toRegionCode: '330106',
          reason: '车辆登记地在杭州市西湖区，移送属地管辖',
        },
        'js-enforcement-supervisor',
      );

    await testbed.services.cases.approveFiling(
      JIANGSU,
      { caseNumber: kunshanDraft.caseNumber },
      'js-enforcement-supervisor',
    );
    await propose();
    // Under review (TRANSFER_REVIEW): the receiving region reads the whole case, its records included.
    expect(await seenBy(XIHU)).toEqual({ listed: ['HZ-T', 'KS-T'], ofCase: ['KS-T'], case: '320583' });
    expect(await seenBy(SHANGHAI)).toEqual(nothing);
    expect(await seenBy(NANJING)).toEqual(nothing);

    await testbed.services.transfers.decline(
      XIHU,
      { caseNumber: kunshanDraft.caseNumber, reason: '车辆已过户，不属本地管辖' },
      'xh-enforcement-supervisor',
    );
    expect(await seenBy(XIHU)).toEqual({ listed: ['HZ-T'], ofCase: [], case: null });

    await propose();
    await testbed.services.transfers.accept(XIHU, { caseNumber: kunshanDraft.caseNumber }, 'xh-enforcement-supervisor');
    expect(await seenBy(XIHU)).toEqual({ listed: ['HZ-T', 'KS-T'], ofCase: ['KS-T'], case: '330106' });
    // Handed over (TRANSFERRED_FROM): Jiangsu keeps the case and the records of its own station.
    expect(await seenBy(JIANGSU)).toEqual({ listed: ['KS-T'], ofCase: ['KS-T'], case: '330106' });
    expect(await seenBy(SHANGHAI)).toEqual(nothing);
    expect(await seenBy(NANJING)).toEqual(nothing);
  });
});
