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
