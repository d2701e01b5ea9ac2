import { scopeIn } from '../../platform/testing/callers';
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
    ...overrides,
  };
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
  testbedPerTest(safetySubgraph, (database) => {
    const { dataSource } = database;
    use({
      database,
      dataSource,
      waybills: database.services.waybills,
      stored: (waybillNumber) => dataSource.getRepository(Waybill).findOneByOrFail({ waybillNumber }),
    });
  });
}
