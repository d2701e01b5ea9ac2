import type { CatalogueEntry, CatalogueRules } from '../../platform/graphql/catalogue-directive';
import {
  citing,
  ENTERPRISE_KEY_ENTRY,
  LEGAL_BASIS,
  personal,
  VEHICLE_KEY_ENTRY,
} from '../../platform/graphql/catalogue-legal-basis';

// Enforcement's data items in the data resource catalogue (数据资源目录): cases and weigh-station records
// are shared on approval (the party's name and ID number never); evidence, the party's statements and
// the department's internal review are not shared.

/** Cases, their procedure and weigh-station records (行政执法): shared on the department's approval. */
const CASES: CatalogueEntry = {
  category: 'enforcement',
  shareClass: 'CONDITIONAL',
  updateFrequency: 'REAL_TIME',
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.penalty),
};

/** Evidence (证据), the party's statements and hearing records, internal review: never shared. */
const EVIDENCE: CatalogueEntry = {
  category: 'enforcement',
  shareClass: 'NOT_SHARED',
  updateFrequency: 'REAL_TIME',
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.penalty, LEGAL_BASIS.personalInformation),
};

export const ENFORCEMENT_CATALOGUE: CatalogueRules = {
  Enterprise: { entry: CASES, fields: { creditCode: ENTERPRISE_KEY_ENTRY } },
  Vehicle: { entry: CASES, fields: { plateNumber: VEHICLE_KEY_ENTRY } },
  EnforcementCase: {
    entry: CASES,
    fields: { partyName: personal(CASES), partyIdNumber: personal(CASES) },
  },
  CaseShare: { entry: CASES },
  CaseStep: { entry: CASES },
  CaseTransfer: { entry: CASES },
  AssistanceRequest: { entry: CASES },
  PenaltyProposal: { entry: CASES },
  CaseExecution: { entry: CASES },
  OverloadRecord: { entry: CASES },
  OverloadRecordResult: { entry: CASES },
  OverloadRecordProblem: { entry: CASES },
  CaseEvidence: { entry: EVIDENCE },
  CaseEvidenceContent: { entry: EVIDENCE },
  LegalReview: { entry: EVIDENCE },
  PenaltyNotice: { entry: EVIDENCE },
  CaseHearing: { entry: EVIDENCE },
};
