import { TextKind, type TextFieldRules } from '../../platform/graphql/text-fields';

const { FREE_TEXT, NOT_PERSONAL } = TextKind;

/** What each safety text field holds (checked when the schema is built; see platform/graphql/text-fields.ts). */
export const SAFETY_TEXT_FIELDS: TextFieldRules = {
  Waybill: {
    waybillNumber: NOT_PERSONAL,
    carrierCreditCode: NOT_PERSONAL,
    // A shipper or consignee may be a person, written with a phone number.
    shipperName: FREE_TEXT,
    consigneeName: FREE_TEXT,
    plateNumber: NOT_PERSONAL,
    goodsName: FREE_TEXT,
    unNumber: NOT_PERSONAL,
    hazardClass: NOT_PERSONAL,
    originRegionCode: NOT_PERSONAL,
    destinationRegionCode: NOT_PERSONAL,
    createdBy: NOT_PERSONAL,
    cancellationReason: FREE_TEXT,
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
