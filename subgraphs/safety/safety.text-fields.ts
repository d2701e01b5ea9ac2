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
  // Codes, and the platform's classification of a failure: no free text reaches these fields.
  NationalSafetyDelivery: {
    reportId: NOT_PERSONAL,
    regionCode: NOT_PERSONAL,
    lastError: NOT_PERSONAL,
    receiptNumber: NOT_PERSONAL,
  },
  Enterprise: { creditCode: NOT_PERSONAL },
  Vehicle: { plateNumber: NOT_PERSONAL },
};
