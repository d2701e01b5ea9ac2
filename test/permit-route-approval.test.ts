import {
  act,
  attachAll,
  attempt,
  refusal,
  application,
  OFFICER,
  REVIEWER,
  ZJ_REVIEWER,
} from './harness/permit-workflow';
import { query, tokenFor } from './harness/single-window.client';
import { story } from './harness/story';

// Cross-province oversize transport (并联许可): each province on the route decides its own segment.
// Helpers and the officers who act: test/harness/permit-workflow.ts.

describe('the permit workflow through the gateway: parallel approval along a route', () => {
  describe('cross-province oversize transport (并联许可)', () => {
    let haulier: { creditCode: string };
    beforeAll(async () => {
      haulier = await story(await tokenFor(OFFICER)).enterprise('320100', '并联许可测试大件运输有限公司');
    });
    const submitRoute = async () => {
      const { application: submitted } = await act(OFFICER, 'submitPermitApplication', {
        creditCode: haulier.creditCode,
        kind: 'CROSS_PROVINCE_OVERSIZE_TRANSPORT',
        scope: '南京—杭州 变压器 车货总质量96吨',
        regionCode: '320000',
        routeProvinceCodes: ['320000', '330000'],
      });
      await attachAll(submitted.applicationNumber, 'CROSS_PROVINCE_OVERSIZE_TRANSPORT');
      await act(OFFICER, 'acceptPermitApplication', { applicationNumber: submitted.applicationNumber });
      return submitted.applicationNumber;
    };

    it('is seen by each province on the route, each approving its own segment; the last approval issues the permit', async () => {
      const number = await submitRoute();
      expect(await application(ZJ_REVIEWER, number)).toMatchObject({ status: 'ACCEPTED', regionCode: '320000' });
      // Hangzhou's city officer is not the province on the route.
      expect(await application('zj-licensing-officer', number)).toBeNull();
      const listed = await query<{ permitApplications: { edges: Array<{ node: { applicationNumber: string } }> } }>(
        await tokenFor(ZJ_REVIEWER),
        `{ permitApplications(status: ACCEPTED, first: 100) { edges { node { applicationNumber } } } }`,
      );
      expect(listed.permitApplications.edges.map((edge) => edge.node.applicationNumber)).toContain(number);

      expect(
        refusal(
          await attempt(ZJ_REVIEWER, 'approveRouteSegment', { applicationNumber: number, provinceCode: '320000' }),
        ),
      ).toMatchObject({ code: 'FORBIDDEN' });
      expect(
        refusal(await attempt(ZJ_REVIEWER, 'rejectPermitApplication', { applicationNumber: number, reason: '不同意' })),
      ).toMatchObject({ code: 'FORBIDDEN' });
      const first = await act(REVIEWER, 'approveRouteSegment', {
        applicationNumber: number,
        provinceCode: '320000',
        comment: '夜间通行',
      });
      expect(first).toMatchObject({ application: { status: 'ACCEPTED' }, permit: null });
      const last = await act(ZJ_REVIEWER, 'approveRouteSegment', {
        applicationNumber: number,
        provinceCode: '330000',
        comment: '路政护送',
      });
      expect(last.application).toMatchObject({
        status: 'APPROVED',
        decidedBy: ZJ_REVIEWER,
        decisionComment: '320000: 夜间通行; 330000: 路政护送',
      });
      expect(last.permit).toMatchObject({
        kind: 'CROSS_PROVINCE_OVERSIZE_TRANSPORT',
        regionCode: '320000',
        status: 'VALID',
      });
      const segments = await query<{
        permitApplication: { routeSegments: Array<{ provinceCode: string; status: string; decidedBy: string }> };
      }>(
        await tokenFor(ZJ_REVIEWER),
        `query ($number: String!) { permitApplication(applicationNumber: $number) { routeSegments { provinceCode status decidedBy } } }`,
        { number },
      );
      expect(segments.permitApplication.routeSegments).toEqual([
        { provinceCode: '320000', status: 'APPROVED', decidedBy: REVIEWER },
        { provinceCode: '330000', status: 'APPROVED', decidedBy: ZJ_REVIEWER },
      ]);
    });

    it('is refused as a whole when one province refuses its segment', async () => {
      const number = await submitRoute();
      await act(REVIEWER, 'approveRouteSegment', { applicationNumber: number, provinceCode: '320000' });
      const { application: refused, permit } = await act(ZJ_REVIEWER, 'refuseRouteSegment', {
        applicationNumber: number,
        provinceCode: '330000',
        comment: '沿线桥梁承载能力不足',
      });
      expect(permit).toBeNull();
      expect(refused).toMatchObject({
        status: 'REJECTED',
        decisionComment: '浙江省(330000) refused its segment: 沿线桥梁承载能力不足',
      });
      expect(refused.history.map((entry) => entry.action)).toEqual([
        'SUBMIT',
        'ACCEPT',
        'APPROVE_SEGMENT',
        'REFUSE_SEGMENT',
      ]);
    });
  });
});
