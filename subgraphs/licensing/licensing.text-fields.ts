import { TextKind, type TextFieldRules } from '../../platform/graphql/text-fields';

const { FREE_TEXT, PERSON_NAME, PHONE_NUMBER, NOT_PERSONAL } = TextKind;

/**
 * What each licensing text field holds (checked when the schema is built; see platform/graphql/text-fields.ts).
 * An application's scope and an enterprise's name are printed on the public electronic certificate, so
 * personal information is refused when they are written; they are still masked as free text on read.
 */
export const LICENSING_TEXT_FIELDS: TextFieldRules = {
  // The bytes of an attached document (base64), read by licensing staff only.
  Query: { permitMaterialContent: NOT_PERSONAL },
  CertificateVerification: { certificateId: NOT_PERSONAL },
  // Codes credit sends with a list entry (credit.list-changed): the list and the criterion met.
  ApplicantListing: { list: NOT_PERSONAL, criterion: NOT_PERSONAL },
  // The signed content of a public document, verified by anyone who holds it: never rewritten.
  ElectronicCertificate: {
    certificateId: NOT_PERSONAL,
    permitNumber: NOT_PERSONAL,
    scope: NOT_PERSONAL,
    holderCreditCode: NOT_PERSONAL,
    holderName: NOT_PERSONAL,
    permitRegionCode: NOT_PERSONAL,
    validFrom: NOT_PERSONAL,
    validUntil: NOT_PERSONAL,
    authorityName: NOT_PERSONAL,
    authorityRegionCode: NOT_PERSONAL,
    keyId: NOT_PERSONAL,
    signature: NOT_PERSONAL,
    signedContent: NOT_PERSONAL,
  },
  CertificateSigningKey: {
    keyId: NOT_PERSONAL,
    authorityName: NOT_PERSONAL,
    authorityRegionCode: NOT_PERSONAL,
    signerId: NOT_PERSONAL,
    publicKeyPem: NOT_PERSONAL,
    publicKeyHex: NOT_PERSONAL,
    validFrom: NOT_PERSONAL,
    validUntil: NOT_PERSONAL,
  },
  Enterprise: {
    creditCode: NOT_PERSONAL,
    name: FREE_TEXT,
    legalRepresentative: PERSON_NAME,
    contactPhone: PHONE_NUMBER,
    regionCode: NOT_PERSONAL,
    address: FREE_TEXT,
  },
  Vehicle: {
    plateNumber: NOT_PERSONAL,
    vehicleType: FREE_TEXT,
    transportCertificateNumber: NOT_PERSONAL,
    regionCode: NOT_PERSONAL,
    hazardClasses: NOT_PERSONAL,
  },
  Permit: {
    number: NOT_PERSONAL,
    scope: FREE_TEXT,
    hazardClasses: NOT_PERSONAL,
    creditCode: NOT_PERSONAL,
    regionCode: NOT_PERSONAL,
    applicationNumber: NOT_PERSONAL,
    validFrom: NOT_PERSONAL,
    validUntil: NOT_PERSONAL,
  },
  PermitStatusChange: { actor: NOT_PERSONAL, reason: FREE_TEXT, caseNumber: NOT_PERSONAL },
  PermitApplication: {
    applicationNumber: NOT_PERSONAL,
    creditCode: NOT_PERSONAL,
    scope: FREE_TEXT,
    hazardClasses: NOT_PERSONAL,
    regionCode: NOT_PERSONAL,
    investmentProjectCode: NOT_PERSONAL,
    submittedBy: NOT_PERSONAL,
    handlingOfficer: NOT_PERSONAL,
    decisionDueDate: NOT_PERSONAL,
    // Written by the system from a national platform's answer.
    verificationNote: NOT_PERSONAL,
    pendingApprovalBy: NOT_PERSONAL,
    decidedBy: NOT_PERSONAL,
    decisionComment: FREE_TEXT,
    permitNumber: NOT_PERSONAL,
  },
  PermitMaterial: {
    materialCode: NOT_PERSONAL,
    materialName: NOT_PERSONAL,
    fileName: FREE_TEXT,
    sm3Digest: NOT_PERSONAL,
    uploadedBy: NOT_PERSONAL,
  },
  ApplicationTransition: { actor: NOT_PERSONAL, comment: FREE_TEXT },
  RouteSegment: { provinceCode: NOT_PERSONAL, decidedBy: NOT_PERSONAL, comment: FREE_TEXT },
  MaterialRequirement: { code: NOT_PERSONAL, name: NOT_PERSONAL },
  ReturnNotice: { note: FREE_TEXT, returnedBy: NOT_PERSONAL },
  ReviewOpinion: { opinion: FREE_TEXT, reviewedBy: NOT_PERSONAL },
  DeadlineExtension: { reason: FREE_TEXT, requestedBy: NOT_PERSONAL, decidedBy: NOT_PERSONAL, comment: FREE_TEXT },
  PlatformReport: {
    applicationNumber: NOT_PERSONAL,
    projectCode: NOT_PERSONAL,
    regionCode: NOT_PERSONAL,
    // Written by the system: what the platform answered when a delivery failed.
    lastError: NOT_PERSONAL,
    receiptNumber: NOT_PERSONAL,
  },
  PermitKindDefinition: {
    legalBasis: NOT_PERSONAL,
    submitRoles: NOT_PERSONAL,
    acceptRoles: NOT_PERSONAL,
    reviewRoles: NOT_PERSONAL,
    decideRoles: NOT_PERSONAL,
  },
};
