import { registerEnumType } from 'type-graphql';

/** What the statistics department counts; each value is fed by one kind of event from another department. */
export enum Indicator {
  PERMITS_ISSUED = 'PERMITS_ISSUED',
  CASES_OPENED = 'CASES_OPENED',
  CASES_DECIDED = 'CASES_DECIDED',
  FINES_FEN = 'FINES_FEN',
  WAYBILLS_CREATED = 'WAYBILLS_CREATED',
}

registerEnumType(Indicator, {
  name: 'Indicator',
  description: "A statistical indicator (统计指标) counted from the departments' events, per region and month.",
  valuesConfig: {
    PERMITS_ISSUED: {
      description: "Administrative permits issued (行政许可发证数), by issuing authority's region and issue date.",
    },
    CASES_OPENED: {
      description: "Enforcement cases filed (立案数), by the filing authority's region and filing date.",
    },
    CASES_DECIDED: {
      description: "Enforcement cases decided (作出处罚决定数), by the authority's region and decision date.",
    },
    FINES_FEN: {
      description:
        "Fines imposed (罚款金额) in fen (1/100 yuan), by the deciding authority's region and decision date.",
    },
    WAYBILLS_CREATED: {
      description: 'Hazardous-goods electronic waybills created (电子运单数), by origin region and creation date.',
    },
  },
});

export const INDICATORS: readonly Indicator[] = Object.values(Indicator);
