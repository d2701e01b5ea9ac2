import { randomUUID } from 'node:crypto';
import { envelopeOf } from '../../platform/testing/event-envelopes';

// For specs only: events as the other departments publish them (the testbed itself is
// platform/testing/subgraph-testbed.ts).

// Demo enterprises (valid credit codes) of platform/demo/demo-dataset.ts.
export const NANJING_CARRIER = '91320102MA1MY0R10Q';
export const KUNSHAN_CARRIER = '91320583MA1NQ2W40E';
export const HANGZHOU_CARRIER = '91330106MA2H4K1L0X';

export const events = {
  permitIssued: (regionCode: string, issuedAt: string, creditCode = NANJING_CARRIER) =>
    envelopeOf(
      'permit.issued',
      {
        permitNumber: `P${randomUUID().slice(0, 8)}`,
        kind: 'ROAD_FREIGHT_TRANSPORT',
        creditCode,
        regionCode,
        issuedAt,
        enterpriseName: '南京顺达货运有限公司',
        matter: '道路货物运输经营许可',
        legalBasis: '道路运输条例; 道路货物运输及站场管理规定',
        validFrom: issuedAt.slice(0, 10),
        validUntil: '2030-12-31',
      },
      'licensing',
    ),
  caseFiled: (regionCode: string, filedAt: string, creditCode: string | null = NANJING_CARRIER) =>
    envelopeOf(
      'case.filed',
      { caseNumber: `C${randomUUID().slice(0, 8)}`, regionCode, creditCode, plateNumber: null, filedAt },
      'enforcement',
    ),
  caseDecided: (
    regionCode: string,
    decidedAt: string,
    fineFen: number | null,
    creditCode: string | null = NANJING_CARRIER,
  ) =>
    envelopeOf(
      'case.decided',
      {
        caseNumber: `C${randomUUID().slice(0, 8)}`,
        regionCode,
        creditCode,
        plateNumber: null,
        cause: '超限运输',
        permitNumber: null,
        penalty: fineFen ? 'FINE' : 'WARNING',
        fineFen,
        summary: '罚款',
        decidedAt,
      },
      'enforcement',
    ),
  waybillCreated: (originRegionCode: string, createdAt: string, carrierCreditCode = NANJING_CARRIER) =>
    envelopeOf(
      'waybill.created',
      {
        waybillNumber: `W${randomUUID().slice(0, 8)}`,
        carrierCreditCode,
        plateNumber: '苏A12345',
        originRegionCode,
        createdAt,
      },
      'safety',
    ),
};
