import { registerEnumType } from 'type-graphql';

export enum CaseStatus {
  FILED = 'FILED',
  INVESTIGATING = 'INVESTIGATING',
  DECIDED = 'DECIDED',
  CLOSED = 'CLOSED',
  DISMISSED = 'DISMISSED',
}

registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: 'Where an enforcement case stands in the procedure (行政执法程序).',
  valuesConfig: {
    FILED: { description: 'Filed (立案); awaiting investigation.' },
    INVESTIGATING: { description: 'Under investigation (调查取证).' },
    DECIDED: { description: 'A penalty decision has been made (作出行政处罚决定); awaiting execution and closing.' },
    CLOSED: { description: 'Closed (结案) after the decision was carried out; final.' },
    DISMISSED: { description: 'Dismissed (撤销立案) before any decision, with reasons; final.' },
  },
});

/**
 * Which statuses each status may move to; anything else is refused with CONFLICT. Later steps of the
 * procedure (legal review, hearing, transfer) are new statuses and new rows here.
 */
export const CASE_TRANSITIONS: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  FILED: [CaseStatus.INVESTIGATING, CaseStatus.DISMISSED],
  INVESTIGATING: [CaseStatus.DECIDED, CaseStatus.DISMISSED],
  DECIDED: [CaseStatus.CLOSED],
  CLOSED: [],
  DISMISSED: [],
};

/** Statuses in which a case still awaits its decision, so its decision due date can pass. */
export const AWAITING_DECISION: readonly CaseStatus[] = Object.values(CaseStatus).filter(
  (status) => ![CaseStatus.DECIDED, CaseStatus.CLOSED, CaseStatus.DISMISSED].includes(status),
);
