import { randomInt, randomUUID } from 'node:crypto';
import { regionCodes } from '../platform/codes/region-code';
import type { EventEnvelope } from '../platform/outbox/domain-event';

// Synthetic department events for bench:statistics, spread over every county of GB/T 2260 and over the
// months asked for, in the shapes the departments publish (platform/outbox/domain-event.ts).

const COUNTIES = regionCodes().filter((code) => !code.endsWith('00'));
const KINDS = [
  'ROAD_PASSENGER_TRANSPORT',
  'ROAD_FREIGHT_TRANSPORT',
  'HAZARDOUS_GOODS_TRANSPORT',
  'DRIVER_TRAINING',
  'VEHICLE_MAINTENANCE',
  'PASSENGER_STATION',
  'FREIGHT_STATION',
  'OVERSIZE_TRANSPORT',
];
const CARRIERS = ['91320102MA1MY0R10Q', '91320583MA1NQ2W40E', '91330106MA2H4K1L0X', '91330100MA27Y8P30J'];

function pick<T>(items: readonly T[]): T {
  return items[randomInt(items.length)];
}

/** An instant inside month `YYYY-MM` (China Standard Time: days 1-28, 02:00-09:59 UTC). */
function instantIn(month: string): string {
  const day = String(1 + randomInt(28)).padStart(2, '0');
  const hour = String(2 + randomInt(8)).padStart(2, '0');
  return `${month}-${day}T${hour}:00:00.000Z`;
}

/** One event of a mix like the departments': 40% permits, 30% filed cases, 20% decisions, 10% waybills. */
export function syntheticEvent(month: string): EventEnvelope {
  const regionCode = pick(COUNTIES);
  const at = instantIn(month);
  const creditCode = pick(CARRIERS);
  const roll = randomInt(10);
  const base = { id: randomUUID(), occurredAt: at };
  if (roll < 4) {
    return {
      ...base,
      type: 'permit.issued',
      source: 'licensing',
      payload: {
        permitNumber: 'P-BENCH',
        kind: pick(KINDS),
        creditCode,
        regionCode,
        issuedAt: at,
        enterpriseName: '基准测试运输有限公司',
        matter: '道路运输经营许可',
        legalBasis: '道路运输条例',
        validFrom: at.slice(0, 10),
        validUntil: '2030-12-31',
      },
    };
  }
  if (roll < 7) {
    return {
      ...base,
      type: 'case.filed',
      source: 'enforcement',
      payload: { caseNumber: 'C-BENCH', regionCode, creditCode, plateNumber: null, filedAt: at },
    };
  }
  if (roll < 9) {
    return {
      ...base,
      type: 'case.decided',
      source: 'enforcement',
      payload: {
        caseNumber: 'C-BENCH',
        regionCode,
        creditCode,
        plateNumber: null,
        cause: '超限运输',
        penalty: 'FINE',
        fineFen: 100 * (500 + randomInt(30_000)),
        permitNumber: null,
        summary: '罚款',
        decidedAt: at,
      },
    };
  }
  return {
    ...base,
    type: 'waybill.created',
    source: 'safety',
    payload: {
      waybillNumber: 'W-BENCH',
      carrierCreditCode: creditCode,
      plateNumber: '苏A12345',
      originRegionCode: regionCode,
      createdAt: at,
    },
  };
}

/** The months from `first` (YYYY-MM) on, `count` of them. */
export function monthsFrom(first: string, count: number): string[] {
  const start = Number(first.slice(0, 4)) * 12 + Number(first.slice(5, 7)) - 1;
  return Array.from({ length: count }, (_, index) => {
    const month = start + index;
    return `${Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
  });
}
