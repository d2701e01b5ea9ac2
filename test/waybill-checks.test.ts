import { purposeHeaders } from './harness/free-text';
import { eventually, graphql, query, tokenFor } from './harness/single-window.client';
import { decideThroughProcedure, petrolWaybill, story } from './harness/story';

// A hazardous-goods waybill is checked, before the vehicle leaves, against the dangerous goods list and
// against licensing's permits and vehicles as safety hears of them by events (危险货物道路运输安全管理办法).
// What the carrier's dispatcher (a safety officer here) and the enforcement and licensing officers see.

interface Failure {
  code: string;
  field: string;
  message: string;
}

const CREATE = `mutation ($input: CreateWaybillInput!) {
  createWaybill(input: $input) { waybill { waybillNumber status routeProvinceCodes properShippingNames } } }`;
const CHECK = `query ($input: CreateWaybillInput!) { checkWaybill(input: $input) { passed failures { code field message } } }`;

async function create(input: Record<string, unknown>, username = 'js-safety-officer') {
  return graphql<{ createWaybill: { waybill: { waybillNumber: string; routeProvinceCodes: string[] } } }>(
    CREATE,
    { input },
    { token: await tokenFor(username) },
  );
}

async function check(input: Record<string, unknown>): Promise<Array<[string, string]>> {
  const data = await query<{ checkWaybill: { failures: Failure[] } }>(await tokenFor('js-safety-officer'), CHECK, {
    input,
  });
  return data.checkWaybill.failures.map((failure) => [failure.code, failure.field]);
}

async function waybillCount(creditCode: string): Promise<number> {
  const data = await query<{ enterprise: { waybills: { totalCount: number } } }>(
    await tokenFor('ministry-admin'),
    `query ($code: String!) { enterprise(creditCode: $code) { waybills(first: 1) { totalCount } } }`,
    { code: creditCode },
  );
  return data.enterprise.waybills.totalCount;
}

describe('hazardous-goods waybills checked across departments', () => {
  let admin: string;
  let carrier: { creditCode: string };
  let plate: string;

  beforeAll(async () => {
    admin = await tokenFor('ministry-admin');
    const enterprise = await story(admin).enterprise('320104', '核验测试危货运输有限公司');
    plate = await enterprise.hazardousGoodsCarrier();
    carrier = enterprise;
  });

  it('refuses a waybill of an ordinary freight carrier, listing every failed check, and writes nothing', async () => {
    const freight = await story(admin).enterprise('320104', '核验测试普通货运有限公司');
    const truck = await freight.vehicle('freight');
    await freight.withPermits(1);
    // UN1203 (petrol) declared as class 8, on a freight truck of a carrier with an ordinary freight permit.
    const input = { ...petrolWaybill(freight.creditCode, truck, '320104'), hazardClass: '8' };
    // Safety hears of the truck by licensing's event: until then it is only "not registered".
    await eventually(async () => {
      expect(await check(input)).toEqual([
        ['CLASS_MISMATCH', 'hazardClass'],
        ['CARRIER_NOT_PERMITTED', 'carrierCreditCode'],
        ['VEHICLE_NOT_HAZARDOUS_GOODS', 'plateNumber'],
      ]);
    });
    const refused = await create(input);
    expect(refused.data?.createWaybill ?? null).toBeNull();
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'WAYBILL_CHECKS_FAILED',
      field: 'hazardClass',
    });
    const failures = (refused.errors?.[0].extensions?.failures ?? []) as Failure[];
    expect(failures.map((failure) => [failure.code, failure.field])).toEqual([
      ['CLASS_MISMATCH', 'hazardClass'],
      ['CARRIER_NOT_PERMITTED', 'carrierCreditCode'],
      ['VEHICLE_NOT_HAZARDOUS_GOODS', 'plateNumber'],
    ]);
    expect(failures[0].message).toContain('UN1203');
    expect(JSON.stringify(refused.errors)).not.toMatch(/at .*\.js:\d+|stacktrace/);
    expect(await waybillCount(freight.creditCode)).toBe(0);
  });

  it('accepts the waybill once the facts are right, with its route and the list’s shipping name', async () => {
    const created = await create({
      ...petrolWaybill(carrier.creditCode, plate, '320104'),
      destinationRegionCode: '110105',
      transitProvinceCodes: ['370000', '130000'],
    });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createWaybill.waybill).toMatchObject({
      status: 'CREATED',
      routeProvinceCodes: ['320000', '370000', '130000', '110000'],
      properShippingNames: [expect.stringContaining('Gasoline')],
    });
  });

  it('refuses more than the vehicle’s approved load and goods of a class the permit does not cover', async () => {
    expect(await check({ ...petrolWaybill(carrier.creditCode, plate, '320104'), quantityKg: 30_001 })).toEqual([
      ['QUANTITY_OVER_APPROVED_LOAD', 'quantityKg'],
    ]);
    const cyanide = { goodsName: '氰化钠', unNumber: 'UN1689', hazardClass: '6.1', packingGroup: 'I' };
    expect(await check({ ...petrolWaybill(carrier.creditCode, plate, '320104'), ...cyanide })).toEqual([
      ['CARRIER_CLASS_NOT_PERMITTED', 'hazardClass'],
      ['VEHICLE_CLASS_NOT_PERMITTED', 'hazardClass'],
    ]);
  });

  it('shows the crew masked to the safety officer and in full to a pii-reader with a purpose', async () => {
    const created = await create(petrolWaybill(carrier.creditCode, plate, '320104'));
    const number = created.data!.createWaybill.waybill.waybillNumber;
    const read = `query ($number: String!) { waybill(waybillNumber: $number) {
      driverName driverQualificationNumber escortName escortQualificationNumber loaderName } }`;
    const masked = await query<{ waybill: Record<string, string> }>(await tokenFor('js-safety-officer'), read, {
      number,
    });
    expect(masked.waybill.driverName).not.toBe('张测试');
    expect(masked.waybill.driverQualificationNumber).not.toContain('19800101');
    const full = await graphql<{ waybill: Record<string, string> }>(
      read,
      { number },
      { token: admin, headers: purposeHeaders('SAFETY_SUPERVISION', '危险货物运输检查') },
    );
    expect(full.data?.waybill).toMatchObject({
      driverName: '张测试',
      driverQualificationNumber: '320102198001011238',
      escortName: '李测试',
    });
  });

  it('blocks the carrier’s new waybills as soon as enforcement suspends its permit, and frees them on restoration', async () => {
    const enterprise = await story(admin).enterprise('320104', '核验测试暂扣危货运输有限公司');
    const truck = await enterprise.hazardousGoodsCarrier();
    const permits = await query<{
      enterprise: { permits: { edges: Array<{ node: { number: string; kind: string } }> } };
    }>(
      admin,
      `query ($code: String!) { enterprise(creditCode: $code) { permits(first: 5) { edges { node { number kind } } } } }`,
      { code: enterprise.creditCode },
    );
    const permitNumber = permits.enterprise.permits.edges.find(
      (edge) => edge.node.kind === 'HAZARDOUS_GOODS_TRANSPORT',
    )!.node.number;
    const filed = await query<{ fileCase: { case: { caseNumber: string } } }>(
      await tokenFor('nj-enforcement-officer'),
      `mutation ($input: FileCaseInput!) { fileCase(input: $input) { case { caseNumber } } }`,
      {
        input: {
          regionCode: '320104',
          cause: '危险货物运输车辆未按规定配备押运人员',
          creditCode: enterprise.creditCode,
        },
      },
    );
    await decideThroughProcedure(
      admin,
      filed.fileCase.case.caseNumber,
      { penalty: 'PERMIT_SUSPENSION', permitNumber },
      '暂扣危险货物道路运输经营许可证',
    );
    const input = petrolWaybill(enterprise.creditCode, truck, '320104');
    await eventually(async () => {
      expect(await check(input)).toEqual([['CARRIER_PERMIT_SUSPENDED', 'carrierCreditCode']]);
    }, 30_000);
    const refused = await create(input);
    expect(refused.errors?.[0].extensions).toMatchObject({
      reason: 'WAYBILL_CHECKS_FAILED',
      field: 'carrierCreditCode',
    });
    expect(await waybillCount(enterprise.creditCode)).toBe(0);

    await query(
      await tokenFor('js-licensing-reviewer'),
      `mutation ($input: RestorePermitInput!) { restorePermit(input: $input) { permit { status } } }`,
      { input: { permitNumber, reason: '整改完成，恢复经营' } },
    );
    await eventually(async () => expect(await check(input)).toEqual([]), 30_000);
    expect((await create(input)).errors).toBeUndefined();
  });

  it('stops a vehicle whose road transport certificate licensing suspends', async () => {
    const truck = await story(admin)
      .enterprise('320104', '核验测试车辆暂扣有限公司')
      .then((enterprise) => enterprise.hazardousGoodsCarrier().then((plateNumber) => ({ enterprise, plateNumber })));
    const changed = await query<{ changeVehicleCertificateStatus: { vehicle: { certificateStatus: string } } }>(
      await tokenFor('js-licensing-reviewer'),
      `mutation ($input: ChangeVehicleCertificateStatusInput!) {
        changeVehicleCertificateStatus(input: $input) { vehicle { certificateStatus } } }`,
      { input: { plateNumber: truck.plateNumber, status: 'SUSPENDED', reason: '车辆技术等级不合格' } },
    );
    expect(changed.changeVehicleCertificateStatus.vehicle.certificateStatus).toBe('SUSPENDED');
    await eventually(async () => {
      expect(await check(petrolWaybill(truck.enterprise.creditCode, truck.plateNumber, '320104'))).toEqual([
        ['VEHICLE_CERTIFICATE_SUSPENDED', 'plateNumber'],
      ]);
    }, 30_000);
  });
});
