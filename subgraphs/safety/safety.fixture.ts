import type { DataSource } from 'typeorm';
import { VehicleCategory } from '../../platform/codes/vehicle-category';
import { scopeIn } from '../../platform/testing/callers';
import { CarrierPermit } from './registry/carrier-permit.entity';
import { SafetyVehicle } from './registry/safety-vehicle.entity';
import { testbedPerTest, type TestbedOf } from '../../platform/testing/subgraph-testbed';
import { safetySubgraph } from './safety.subgraph';
import { PackingGroup } from './waybill/dangerous-goods';
import type { CreateWaybillInput } from './waybill/inputs/create-waybill.input';
import { Waybill } from './waybill/waybill.entity';

// For specs only: carriers, regions, a waybill input and a frozen clock for the safety specs
// (the testbed itself is platform/testing/subgraph-testbed.ts).

export const NANJING_CARRIER = '91320102MA1MY0R10Q';
export const HANGZHOU_CARRIER = '91330100MA27Y8P30J';

export const NATIONAL = scopeIn('000000');
export const JIANGSU = scopeIn('320000');
export const NANJING = scopeIn('320100');

/** Twenty tonnes of petrol from Nanjing (320102) to Hangzhou (330106) on 苏A12345. */
export function gasoline(overrides: Partial<CreateWaybillInput> = {}): CreateWaybillInput {
  return {
    carrierCreditCode: NANJING_CARRIER,
    shipperName: '南京扬子石化销售有限公司',
    consigneeName: '杭州西湖能源加油站',
    plateNumber: '苏A12345',
    goodsName: '汽油',
    unNumber: 'UN1203',
    hazardClass: '3',
    packingGroup: PackingGroup.II,
    quantityKg: 20_000,
    originRegionCode: '320102',
    destinationRegionCode: '330106',
    loaderName: '南京扬子石化储运部',
    driverName: '张建国',
    driverQualificationNumber: '320102198001011238',
    escortName: '李明',
    escortQualificationNumber: '320102198505052340',
    ...overrides,
  };
}

/** Far enough around any frozen clock of the specs. */
const SPEC_PERMIT_TERM = { validFrom: '2020-01-01', validUntil: '2035-12-31' };

/**
 * The registry as licensing's events would have left it: both carriers hold a valid hazardous-goods permit
 * (Nanjing classes 2, 3, 6.1 and 8; Hangzhou and Kunshan 3 and 8) and own hazardous-goods vehicles certified for them.
 */
export async function seedSpecRegistry(dataSource: DataSource): Promise<void> {
  const changedAt = new Date('2020-01-01T00:00:00Z');
  await dataSource.getRepository(CarrierPermit).insert([
    {
      permitNumber: '苏交运危字320102000001',
      creditCode: NANJING_CARRIER,
      regionCode: '320102',
      status: 'VALID',
      hazardClasses: '2,3,6.1,8',
      ...SPEC_PERMIT_TERM,
      changedAt,
    },
    {
      permitNumber: '浙交运危字330100000001',
      creditCode: HANGZHOU_CARRIER,
      regionCode: '330100',
      status: 'VALID',
      hazardClasses: '3,8',
      ...SPEC_PERMIT_TERM,
      changedAt,
    },
    {
      permitNumber: '苏交运危字320583000001',
      creditCode: '91320583MA1NQ2W40E',
      regionCode: '320583',
      status: 'VALID',
      hazardClasses: '3,8',
      ...SPEC_PERMIT_TERM,
      changedAt,
    },
  ]);
  const vehicle = (plateNumber: string, ownerCreditCode: string, regionCode: string, hazardClasses: string) => ({
    plateNumber,
    ownerCreditCode,
    regionCode,
    category: VehicleCategory.HAZARDOUS_GOODS,
    transportCertificateNumber: `${regionCode}${plateNumber}`,
    certificateStatus: 'VALID' as const,
    approvedLoadKg: 49_000,
    hazardClasses,
    changedAt,
  });
  await dataSource
    .getRepository(SafetyVehicle)
    .insert([
      vehicle('苏A12345', NANJING_CARRIER, '320102', '2,3,6.1,8'),
      vehicle('苏A12345D', NANJING_CARRIER, '320102', '2,3,8'),
      vehicle('浙AD12345', HANGZHOU_CARRIER, '330100', '3,8'),
      vehicle('浙A5F678', HANGZHOU_CARRIER, '330100', '3,8'),
      vehicle('苏E88888', '91320583MA1NQ2W40E', '320583', '3,8'),
    ]);
}

export function serialOf(waybillNumber: string): string {
  return waybillNumber.slice(-6);
}

/** Only Date is faked: the database's writer lock keeps its real timers and ticks. */
export function freezeClockAt(instant: string): void {
  jest.useFakeTimers({
    now: new Date(instant),
    doNotFake: [
      'nextTick',
      'setImmediate',
      'clearImmediate',
      'setTimeout',
      'clearTimeout',
      'setInterval',
      'clearInterval',
      'queueMicrotask',
      'hrtime',
      'performance',
    ],
  });
}

export type SafetyTestbed = TestbedOf<typeof safetySubgraph>;

/** What a waybill spec works with in one test. */
export interface WaybillSpec {
  database: SafetyTestbed;
  dataSource: SafetyTestbed['dataSource'];
  waybills: SafetyTestbed['services']['waybills'];
  /** The waybill as stored. */
  stored: (waybillNumber: string) => Promise<Waybill>;
}

/**
 * A fresh safety testbed for every test of the enclosing describe block, handed to `use`; the real clock is
 * back after each test, whatever freezeClockAt did.
 */
export function waybillsPerTest(use: (spec: WaybillSpec) => void): void {
  afterEach(() => {
    jest.useRealTimers();
  });
  testbedPerTest(safetySubgraph, async (database) => {
    const { dataSource } = database;
    await seedSpecRegistry(dataSource);
    use({
      database,
      dataSource,
      waybills: database.services.waybills,
      stored: (waybillNumber) => dataSource.getRepository(Waybill).findOneByOrFail({ waybillNumber }),
    });
  });
}
