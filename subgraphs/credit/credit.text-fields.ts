import { TextKind, type TextFieldRules } from '../../platform/graphql/text-fields';

const { FREE_TEXT, NOT_PERSONAL } = TextKind;

/** What each credit text field holds (checked when the schema is built; see platform/graphql/text-fields.ts). */
export const CREDIT_TEXT_FIELDS: TextFieldRules = {
  Enterprise: { creditCode: NOT_PERSONAL },
  CreditProfile: { creditCode: NOT_PERSONAL },
  CreditRecord: {
    creditCode: NOT_PERSONAL,
    // Typed by the recording officer (a document number, 文号), or a case number the system copies.
    // A reference that identifies the record (a case or document number): personal information is refused at input.
    sourceReference: NOT_PERSONAL,
    regionCode: NOT_PERSONAL,
    summary: FREE_TEXT,
    recordedBy: NOT_PERSONAL,
  },
  CreditDisclosureRevision: {
    // The officer's reason is typed free text; the case number of a status change is not personal.
    reason: FREE_TEXT,
    actor: NOT_PERSONAL,
  },
  // Values of public fields before and after (matter and content are typed by officers).
  DisclosureFieldChange: { field: NOT_PERSONAL, before: FREE_TEXT, after: FREE_TEXT },
  CreditRepairApplication: {
    creditCode: NOT_PERSONAL,
    documentNumber: NOT_PERSONAL,
    authorityCode: NOT_PERSONAL,
    executionStatement: FREE_TEXT,
    filedBy: NOT_PERSONAL,
    decidedBy: NOT_PERSONAL,
    decisionReason: FREE_TEXT,
  },
  CreditRepairAttachment: { fileName: FREE_TEXT, sm3Digest: NOT_PERSONAL },
  CreditListEntry: {
    creditCode: NOT_PERSONAL,
    regionCode: NOT_PERSONAL,
    listedBy: NOT_PERSONAL,
    criterionDescription: NOT_PERSONAL,
    authorityName: NOT_PERSONAL,
  },
  // Case, permit and document numbers: personal information is refused at input.
  CreditListDecision: { documentNumber: NOT_PERSONAL },
  CreditListChange: { actor: NOT_PERSONAL, reason: FREE_TEXT },
  // Only registered enterprises: a name and a credit code are not personal.
  GoodStandingSubject: { creditCode: NOT_PERSONAL, name: NOT_PERSONAL },
  CreditDisclosure: {
    // Only enterprises are disclosed: a registered name and its credit code are not personal.
    counterpartName: NOT_PERSONAL,
    creditCode: NOT_PERSONAL,
    documentNumber: NOT_PERSONAL,
    // The offence as filed and the decision's words are typed by officers: masked like all free text.
    matter: FREE_TEXT,
    legalBasis: NOT_PERSONAL,
    content: FREE_TEXT,
    penaltyKind: NOT_PERSONAL,
    authorityName: NOT_PERSONAL,
    authorityCode: NOT_PERSONAL,
    validFrom: NOT_PERSONAL,
    validUntil: NOT_PERSONAL,
    publicationDeadline: NOT_PERSONAL,
  },
  // The national credit platform: list names, authorities and document numbers of enterprises' listings.
  NationalListEntry: {
    listName: NOT_PERSONAL,
    listingAuthority: NOT_PERSONAL,
    listedOn: NOT_PERSONAL,
    reference: NOT_PERSONAL,
  },
  // Record identifiers the system assigns, and errors the relay writes (the platform's classification).
  NationalCreditDelivery: {
    recordId: NOT_PERSONAL,
    lastError: NOT_PERSONAL,
    receiptNumber: NOT_PERSONAL,
    creditCode: NOT_PERSONAL,
    documentNumber: NOT_PERSONAL,
  },
};
