import { TextKind, type TextFieldRules } from '../../platform/graphql/text-fields';

const { FREE_TEXT, PERSON_NAME, RESIDENT_ID, NOT_PERSONAL } = TextKind;

/** What each enforcement text field holds (checked when the schema is built; see platform/graphql/text-fields.ts). */
export const ENFORCEMENT_TEXT_FIELDS: TextFieldRules = {
  OverloadRecord: {
    stationCode: NOT_PERSONAL,
    stationRecordId: NOT_PERSONAL,
    regionCode: NOT_PERSONAL,
    plateNumber: NOT_PERSONAL,
    submittedBy: NOT_PERSONAL,
  },
  OverloadRecordResult: { stationRecordId: NOT_PERSONAL },
  // Written by the service: which input field is wrong and why.
  OverloadRecordProblem: { field: NOT_PERSONAL, message: NOT_PERSONAL },
  Vehicle: { plateNumber: NOT_PERSONAL },
  Enterprise: { creditCode: NOT_PERSONAL },
  EnforcementCase: {
    caseNumber: NOT_PERSONAL,
    regionCode: NOT_PERSONAL,
    cause: FREE_TEXT,
    creditCode: NOT_PERSONAL,
    plateNumber: NOT_PERSONAL,
    permitNumber: NOT_PERSONAL,
    decisionSummary: FREE_TEXT,
    dismissalReason: FREE_TEXT,
    filedBy: NOT_PERSONAL,
    filingApprovedBy: NOT_PERSONAL,
    filingRejectionReason: FREE_TEXT,
    decidedBy: NOT_PERSONAL,
    decisionDueDate: NOT_PERSONAL,
    partyName: PERSON_NAME,
    partyIdNumber: RESIDENT_ID,
  },
  CaseShare: { regionCode: NOT_PERSONAL, reason: FREE_TEXT, sharedBy: NOT_PERSONAL },
  CaseStep: { actor: NOT_PERSONAL, regionCode: NOT_PERSONAL, comment: FREE_TEXT },
  CaseEvidence: {
    title: FREE_TEXT,
    fileName: FREE_TEXT,
    sm3Digest: NOT_PERSONAL,
    addedBy: NOT_PERSONAL,
    regionCode: NOT_PERSONAL,
  },
  // The bytes of an item of evidence (base64), read by those who handle the case.
  CaseEvidenceContent: { contentBase64: NOT_PERSONAL, sm3Digest: NOT_PERSONAL },
  AssistanceRequest: {
    caseNumber: NOT_PERSONAL,
    requestingRegionCode: NOT_PERSONAL,
    assistingRegionCode: NOT_PERSONAL,
    dueDate: NOT_PERSONAL,
    requestedBy: NOT_PERSONAL,
    answeredBy: NOT_PERSONAL,
    question: FREE_TEXT,
    sharedSummary: FREE_TEXT,
    answer: FREE_TEXT,
  },
  CaseTransfer: {
    fromRegionCode: NOT_PERSONAL,
    toRegionCode: NOT_PERSONAL,
    reason: FREE_TEXT,
    proposedBy: NOT_PERSONAL,
    decidedBy: NOT_PERSONAL,
    decisionComment: FREE_TEXT,
  },
  PenaltyProposal: { permitNumber: NOT_PERSONAL, summary: FREE_TEXT, proposedBy: NOT_PERSONAL },
  LegalReview: { reviewedBy: NOT_PERSONAL, opinion: FREE_TEXT },
  PenaltyNotice: {
    notifiedBy: NOT_PERSONAL,
    responseDueDate: NOT_PERSONAL,
    statement: FREE_TEXT,
    statementRecordedBy: NOT_PERSONAL,
  },
  CaseHearing: { requestedBy: NOT_PERSONAL, record: FREE_TEXT, recordedBy: NOT_PERSONAL },
  CaseExecution: { executedBy: NOT_PERSONAL, paymentReference: FREE_TEXT, note: FREE_TEXT },
};
