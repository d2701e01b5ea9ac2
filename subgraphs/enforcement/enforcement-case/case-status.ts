import { registerEnumType } from 'type-graphql';
import { CaseStepAction } from './case-step-action';

export enum CaseStatus {
  FILING_PENDING = 'FILING_PENDING',
  NOT_FILED = 'NOT_FILED',
  FILED = 'FILED',
  INVESTIGATING = 'INVESTIGATING',
  LEGAL_REVIEW = 'LEGAL_REVIEW',
  PENALTY_PROPOSED = 'PENALTY_PROPOSED',
  NOTIFIED = 'NOTIFIED',
  HEARING = 'HEARING',
  HEARD = 'HEARD',
  DECIDED = 'DECIDED',
  EXECUTED = 'EXECUTED',
  CLOSED = 'CLOSED',
  DISMISSED = 'DISMISSED',
  TRANSFER_PENDING = 'TRANSFER_PENDING',
}

registerEnumType(CaseStatus, {
  name: 'CaseStatus',
  description: 'Where an enforcement case stands in the procedure (行政执法程序).',
  valuesConfig: {
    FILING_PENDING: { description: 'Filing submitted by an officer, awaiting the supervisor’s approval (立案审批).' },
    NOT_FILED: { description: 'The supervisor refused to open the case (不予立案), with reasons; final.' },
    FILED: { description: 'Filed (立案), approved by a supervisor; awaiting investigation.' },
    INVESTIGATING: { description: 'Under investigation and evidence collection (调查取证).' },
    LEGAL_REVIEW: { description: 'A major penalty is proposed and awaits legal review (法制审核).' },
    PENALTY_PROPOSED: {
      description: 'A penalty is proposed (and reviewed where required); the party is to be notified.',
    },
    NOTIFIED: {
      description:
        'The party has been notified of the proposed penalty (告知) and may state, defend (陈述申辩) or ask for a hearing until the response due date.',
    },
    HEARING: { description: 'The party asked for a hearing (听证申请); awaiting the hearing.' },
    HEARD: { description: 'The hearing was held and recorded (听证笔录); the case may be decided.' },
    DECIDED: { description: 'A penalty decision has been made (作出行政处罚决定); awaiting execution.' },
    EXECUTED: { description: 'The decision was carried out (执行), a fine’s payment recorded; awaiting closing.' },
    CLOSED: { description: 'Closed (结案); final.' },
    DISMISSED: { description: 'Dismissed (撤销案件) before any decision, with reasons; final.' },
    TRANSFER_PENDING: {
      description:
        'Proposed for transfer to another region (移送); only the receiving region’s accept or decline moves it on.',
    },
  },
});

/** Statuses in which a case still awaits its decision, so its decision due date can pass. */
export const AWAITING_DECISION: readonly CaseStatus[] = Object.values(CaseStatus).filter(
  (status) =>
    ![CaseStatus.NOT_FILED, CaseStatus.DECIDED, CaseStatus.EXECUTED, CaseStatus.CLOSED, CaseStatus.DISMISSED].includes(
      status,
    ),
);

/** Statuses in which evidence is collected and other regions' assistance may be asked. */
export const COLLECTING_EVIDENCE: readonly CaseStatus[] = [CaseStatus.FILED, CaseStatus.INVESTIGATING];

/** Statuses from which a case may be proposed for transfer: opened and not yet heading for a decision. */
export const TRANSFERABLE: readonly CaseStatus[] = [CaseStatus.FILED, CaseStatus.INVESTIGATING];

/** Statuses before the decision from which a case may be dismissed (撤销案件). */
const DISMISSIBLE: readonly CaseStatus[] = [
  CaseStatus.FILED,
  CaseStatus.INVESTIGATING,
  CaseStatus.LEGAL_REVIEW,
  CaseStatus.PENALTY_PROPOSED,
  CaseStatus.NOTIFIED,
  CaseStatus.HEARING,
  CaseStatus.HEARD,
];

/**
 * The statuses each step of the procedure may be taken from; in any other status the step is refused
 * with CONFLICT (ILLEGAL_TRANSITION). Steps absent here (shares, the filing itself) take no status rule.
 */
export const STEP_FROM: Readonly<Partial<Record<CaseStepAction, readonly CaseStatus[]>>> = {
  FILING_APPROVED: [CaseStatus.FILING_PENDING],
  FILING_REJECTED: [CaseStatus.FILING_PENDING],
  INVESTIGATION_STARTED: [CaseStatus.FILED],
  EVIDENCE_ADDED: COLLECTING_EVIDENCE,
  PENALTY_PROPOSED: [CaseStatus.INVESTIGATING],
  LEGAL_REVIEW_PASSED: [CaseStatus.LEGAL_REVIEW],
  LEGAL_REVIEW_RETURNED: [CaseStatus.LEGAL_REVIEW],
  PARTY_NOTIFIED: [CaseStatus.PENALTY_PROPOSED],
  STATEMENT_RECORDED: [CaseStatus.NOTIFIED],
  HEARING_REQUESTED: [CaseStatus.NOTIFIED],
  HEARING_HELD: [CaseStatus.HEARING],
  // A decision of no penalty (不予行政处罚) may follow the investigation directly; a penalty follows the notice.
  DECIDED: [CaseStatus.INVESTIGATING, CaseStatus.NOTIFIED, CaseStatus.HEARD],
  EXECUTED: [CaseStatus.DECIDED],
  // Straight from DECIDED only when there is nothing to carry out (no penalty); the service checks that.
  CLOSED: [CaseStatus.DECIDED, CaseStatus.EXECUTED],
  DISMISSED: DISMISSIBLE,
  DEADLINE_EXTENDED: AWAITING_DECISION.filter((status) => status !== CaseStatus.TRANSFER_PENDING),
  TRANSFER_PROPOSED: TRANSFERABLE,
  TRANSFER_ACCEPTED: [CaseStatus.TRANSFER_PENDING],
  TRANSFER_DECLINED: [CaseStatus.TRANSFER_PENDING],
  ASSISTANCE_REQUESTED: COLLECTING_EVIDENCE,
};
