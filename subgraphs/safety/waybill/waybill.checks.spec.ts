import { expect } from '@jest/globals';
import type { DomainError } from '../../../platform/errors/domain-error';
import { OutboxMessage } from '../../../platform/outbox/outbox-message.entity';
import { CarrierPermit } from '../registry/carrier-permit.entity';
import { SafetyVehicle } from '../registry/safety-vehicle.entity';
import { gasoline, HANGZHOU_CARRIER, NATIONAL, waybillsPerTest, type WaybillSpec } from '../safety.fixture';
import { PackingGroup } from './dangerous-goods';
import type { CreateWaybillInput } from './inputs/create-waybill.input';
import { Waybill } from './waybill.entity';

// The checks a waybill must pass before it is recorded (危险货物道路运输安全管理办法): the goods against the UN
// dangerous goods list, the carrier's permit and the vehicle against safety's copy of the registry.

describe('WaybillService checks', () => {
  let dataSource: WaybillSpec['dataSource'], waybills: WaybillSpec['waybills'];
  waybillsPerTest((spec) => ({ dataSource, waybills } = spec));

  async function refusal(input: CreateWaybillInput) {
    const error = (await waybills.create(NATIONAL, input, 'officer').then(
      () => {
        throw new Error('the waybill was recorded');
      },
      (caught: unknown) => caught,
    )) as DomainError;
    return error.extensions as { code: string; reason: string; field: string; failures: unknown[] };
  }

  async function failures(input: CreateWaybillInput): Promise<Array<[string, string]>> {
    return (await waybills.check(NATIONAL, input)).map((failure) => [failure.code, failure.field]);
  }

  async function nothingWritten(): Promise<void> {
    expect(await dataSource.getRepository(Waybill).count()).toBe(0);
    expect(await dataSource.getRepository(OutboxMessage).count()).toBe(0);
  }

  it('passes a waybill whose goods, carrier and vehicle all check out', async () => {
    expect(await failures(gasoline())).toEqual([]);
    expect((await waybills.create(NATIONAL, gasoline(), 'officer')).routeProvinceCodes).toEqual(['320000', '330000']);
  });

  it('refuses petrol declared as class 8 and an unknown UN number, naming the field', async () => {
    expect(await failures(gasoline({ hazardClass: '8' }))).toEqual([['CLASS_MISMATCH', 'hazardClass']]);
    expect(await failures(gasoline({ unNumber: 'UN9999' }))).toEqual([['UNKNOWN_UN_NUMBER', 'unNumber']]);
    expect(await failures(gasoline({ packingGroup: PackingGroup.I }))).toEqual([
      ['PACKING_GROUP_MISMATCH', 'packingGroup'],
    ]);
    const refused = await refusal(gasoline({ hazardClass: '8' }));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WAYBILL_CHECKS_FAILED', field: 'hazardClass' });
    expect(refused.failures).toEqual([
      { code: 'CLASS_MISMATCH', field: 'hazardClass', message: expect.stringContaining('UN1203') },
    ]);
    await nothingWritten();
  });

  it('lists every failed check at once: an ordinary carrier, a vehicle of another enterprise over its load', async () => {
    await dataSource
      .getRepository(SafetyVehicle)
      .update({ plateNumber: '浙AD12345' }, { approvedLoadKg: 10_000, certificateStatus: 'SUSPENDED' });
    const input = gasoline({ carrierCreditCode: '91320583MA1NQ2W40E', plateNumber: '浙AD12345' });
    expect(await failures(input)).toEqual([
      ['VEHICLE_NOT_CARRIERS', 'plateNumber'],
      ['VEHICLE_CERTIFICATE_SUSPENDED', 'plateNumber'],
      ['QUANTITY_OVER_APPROVED_LOAD', 'quantityKg'],
    ]);
    expect(await failures(gasoline({ plateNumber: '苏Z99999' }))).toEqual([['VEHICLE_NOT_REGISTERED', 'plateNumber']]);
    expect(await failures(gasoline({ carrierCreditCode: '91320106MA1P3T8K0L', plateNumber: '苏Z99999' }))).toEqual([
      ['CARRIER_NOT_PERMITTED', 'carrierCreditCode'],
      ['VEHICLE_NOT_REGISTERED', 'plateNumber'],
    ]);
    await nothingWritten();
  });

  it('refuses a carrier whose permit is suspended, revoked, out of date or short of the class', async () => {
    const permits = dataSource.getRepository(CarrierPermit);
    const hangzhou = gasoline({ carrierCreditCode: HANGZHOU_CARRIER, plateNumber: '浙AD12345' });
    expect(await failures(hangzhou)).toEqual([]);
    expect(
      await failures({ ...hangzhou, goodsName: '液氯', unNumber: 'UN1017', hazardClass: '2.3', packingGroup: null }),
    ).toEqual([
      ['CARRIER_CLASS_NOT_PERMITTED', 'hazardClass'],
      ['VEHICLE_CLASS_NOT_PERMITTED', 'hazardClass'],
    ]);
    await permits.update({ creditCode: HANGZHOU_CARRIER }, { status: 'SUSPENDED' });
    expect(await failures(hangzhou)).toEqual([['CARRIER_PERMIT_SUSPENDED', 'carrierCreditCode']]);
    await permits.update({ creditCode: HANGZHOU_CARRIER }, { status: 'REVOKED' });
    expect(await failures(hangzhou)).toEqual([['CARRIER_PERMIT_REVOKED', 'carrierCreditCode']]);
    await permits.update({ creditCode: HANGZHOU_CARRIER }, { status: 'VALID', validUntil: '2021-12-31' });
    expect(await failures(hangzhou)).toEqual([['CARRIER_PERMIT_EXPIRED', 'carrierCreditCode']]);
    await nothingWritten();
  });

  it('takes the provinces passed through and refuses a malformed route, naming the field', async () => {
    const created = await waybills.create(
      NATIONAL,
      gasoline({ destinationRegionCode: '110105', transitProvinceCodes: ['370000', '130000'] }),
      'officer',
    );
    expect(created.routeProvinceCodes).toEqual(['320000', '370000', '130000', '110000']);
    for (const transit of [['370100'], ['320000'], ['370000', '370000'], ['990000']]) {
      await expect(
        waybills.create(NATIONAL, gasoline({ destinationRegionCode: '110105', transitProvinceCodes: transit }), 'o'),
      ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'transitProvinceCodes' } });
    }
  });

  it('refuses a driver who is also the escort, and qualification numbers that are not resident IDs', async () => {
    await expect(
      waybills.create(NATIONAL, gasoline({ escortQualificationNumber: '320102198001011238' }), 'o'),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'escortQualificationNumber' } });
    await expect(
      waybills.create(NATIONAL, gasoline({ driverQualificationNumber: '320102198001011230' }), 'o'),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'driverQualificationNumber' } });
    await nothingWritten();
  });
});
