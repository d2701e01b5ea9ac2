import type { CatalogueEntry, CatalogueRules } from '../../platform/graphql/catalogue-directive';
import { citing, ENTERPRISE_KEY_ENTRY, LEGAL_BASIS } from '../../platform/graphql/catalogue-legal-basis';

// Credit's data items in the data resource catalogue (数据资源目录): what 双公示 publishes is public;
// profiles, records and lists are shared on approval; delivery bookkeeping and repair attachments are not.

/** Credit profiles, records and the lists (信用档案, 信用记录, 名单): shared on the department's approval. */
const CREDIT: CatalogueEntry = {
  category: 'credit',
  shareClass: 'CONDITIONAL',
  updateFrequency: 'REAL_TIME',
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.creditPlan),
};

/** Permits and penalties published under 双公示: public. */
const DOUBLE_PUBLICITY: CatalogueEntry = {
  category: 'credit',
  shareClass: 'UNCONDITIONAL',
  updateFrequency: 'DAILY',
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.doublePublicity, LEGAL_BASIS.disclosure),
};

/** Attachments a subject files and the delivery to the national platform: not shared. */
const INTERNAL: CatalogueEntry = {
  category: 'credit',
  shareClass: 'NOT_SHARED',
  updateFrequency: 'REAL_TIME',
  legalBasis: citing(LEGAL_BASIS.sharing, LEGAL_BASIS.creditPlan),
};

export const CREDIT_CATALOGUE: CatalogueRules = {
  Enterprise: { entry: CREDIT, fields: { creditCode: ENTERPRISE_KEY_ENTRY } },
  CreditProfile: { entry: CREDIT },
  CreditRecord: { entry: CREDIT },
  CreditListEntry: { entry: CREDIT },
  CreditListDecision: { entry: CREDIT },
  CreditListChange: { entry: CREDIT },
  NationalStanding: { entry: { ...CREDIT, updateFrequency: 'DAILY' } },
  NationalListEntry: { entry: { ...CREDIT, updateFrequency: 'DAILY' } },
  GoodStandingSubject: { entry: { ...CREDIT, updateFrequency: 'DAILY' } },
  CreditRepairApplication: { entry: CREDIT },
  CreditDisclosure: { entry: DOUBLE_PUBLICITY },
  CreditDisclosureHistory: { entry: DOUBLE_PUBLICITY },
  CreditDisclosureRevision: { entry: DOUBLE_PUBLICITY },
  DisclosureFieldChange: { entry: DOUBLE_PUBLICITY },
  CreditRepairAttachment: { entry: INTERNAL },
  NationalCreditDelivery: { entry: INTERNAL },
  NationalCreditDeliverySummary: { entry: INTERNAL },
};
