import { TextKind, type TextFieldRules } from '../../platform/graphql/text-fields';

const { FREE_TEXT, NOT_PERSONAL, PERSON_NAME, RESIDENT_ID } = TextKind;

/** What each safety text field holds (checked when the schema is built; see platform/graphql/text-fields.ts). */
export const SAFETY_TEXT_FIELDS: TextFieldRules = {
  Waybill: {
    waybillNumber: NOT_PERSONAL,
    carrierCreditCode: NOT_PERSONAL,
    // A shipper or consignee may be a person, written with a phone number.
    shipperName: FREE_TEXT,
    consigneeName: FREE_TEXT,
    loaderName: FREE_TEXT,
    driverName: PERSON_NAME,
    // 从业资格证号 are the holders' resident ID numbers.
    driverQualificationNumber: RESIDENT_ID,
    escortName: PERSON_NAME,
    escortQualificationNumber: RESIDENT_ID,
    routeProvinceCodes: NOT_PERSONAL,
    properShippingNames: NOT_PERSONAL,
    plateNumber: NOT_PERSONAL,
    goodsName: FREE_TEXT,
    unNumber: NOT_PERSONAL,
    hazardClass: NOT_PERSONAL,
    originRegionCode: NOT_PERSONAL,
    destinationRegionCode: NOT_PERSONAL,
    createdBy: NOT_PERSONAL,
    cancellationReason: FREE_TEXT,
  },
  // Codes and texts the checks write.
  WaybillCheckFailure: { code: NOT_PERSONAL, field: NOT_PERSONAL, message: NOT_PERSONAL },
  SafetyInspection: {
    creditCode: NOT_PERSONAL,
    regionCode: NOT_PERSONAL,
    inspectedOn: NOT_PERSONAL,
    // Officers' names, typed by the officer: may carry a phone number.
    inspectors: FREE_TEXT,
    findings: FREE_TEXT,
    recordedBy: NOT_PERSONAL,
  },
  HiddenHazard: {
    creditCode: NOT_PERSONAL,
    regionCode: NOT_PERSONAL,
    description: FREE_TEXT,
    foundOn: NOT_PERSONAL,
    deadline: NOT_PERSONAL,
    foundBy: NOT_PERSONAL,
    rectificationReportedBy: NOT_PERSONAL,
    rectificationNote: FREE_TEXT,
    verifiedBy: NOT_PERSONAL,
    verificationNote: FREE_TEXT,
  },
  HazardEvidence: {
    fileName: FREE_TEXT,
    sm3Digest: NOT_PERSONAL,
    uploadedBy: NOT_PERSONAL,
    contentBase64: NOT_PERSONAL,
  },
  RegionOverdueHazards: { regionCode: NOT_PERSONAL, oldestDeadline: NOT_PERSONAL },
  Accident: {
    plateNumber: NOT_PERSONAL,
    creditCode: NOT_PERSONAL,
    regionCode: NOT_PERSONAL,
    location: FREE_TEXT,
    summary: FREE_TEXT,
    waybillNumber: NOT_PERSONAL,
    reportedBy: NOT_PERSONAL,
  },
  AccidentReportVersion: { note: FREE_TEXT, reportedBy: NOT_PERSONAL },
  // Codes, and the platform's classification of a failure: no free text reaches these fields.
  NationalSafetyDelivery: {
    reportId: NOT_PERSONAL,
    regionCode: NOT_PERSONAL,
    lastError: NOT_PERSONAL,
    receiptNumber: NOT_PERSONAL,
  },
  SafetyAlert: {
    plateNumber: NOT_PERSONAL,
    ownerCreditCode: NOT_PERSONAL,
    regionCode: NOT_PERSONAL,
    descriptionZh: NOT_PERSONAL,
    descriptionEn: NOT_PERSONAL,
    acknowledgedBy: NOT_PERSONAL,
    handledBy: NOT_PERSONAL,
    // An officer's own words may name a driver or a phone number.
    disposition: FREE_TEXT,
  },
  OnlineRate: { day: NOT_PERSONAL },
  PositionResult: { plateNumber: NOT_PERSONAL },
  PositionProblem: { field: NOT_PERSONAL, message: NOT_PERSONAL },
  Enterprise: { creditCode: NOT_PERSONAL },
  Vehicle: { plateNumber: NOT_PERSONAL },
};
