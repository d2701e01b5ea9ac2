import {
  assertCreditCode,
  assertInteger,
  assertPlateNumber,
  assertRegionCode,
  assertResidentId,
  assertText,
} from '../../../platform/codes/assert-input';
import { invalidInput } from '../../../platform/errors/domain-error';
import { hazardClassProblem, packingGroupProblem, unNumberProblem } from './dangerous-goods';
import type { CreateWaybillInput } from './inputs/create-waybill.input';
import type { Waybill } from './waybill.entity';

// The form of a new waybill, checked field by field before anything is read or written: what it carries,
// who is on board, and its route.

/** Above this a tanker exceeds its legal payload: a bigger figure is a typing error, not a shipment. */
export const MAX_QUANTITY_KG = 49_000;

/** At most this many provinces passed through between origin and destination. */
const MAX_TRANSIT_PROVINCES = 10;

export type WaybillValues = Pick<
  Waybill,
  | 'carrierCreditCode'
  | 'shipperName'
  | 'consigneeName'
  | 'loaderName'
  | 'driverName'
  | 'driverQualificationNumber'
  | 'escortName'
  | 'escortQualificationNumber'
  | 'routeProvinceCodes'
  | 'plateNumber'
  | 'goodsName'
  | 'unNumber'
  | 'hazardClass'
  | 'packingGroup'
  | 'quantityKg'
  | 'originRegionCode'
  | 'destinationRegionCode'
>;

/** The province (xx0000) of a GB/T 2260 code. */
function provinceOf(regionCode: string): string {
  return `${regionCode.slice(0, 2)}0000`;
}

/** The provinces on the route in order: the origin's, those passed through, the destination's. */
function routeOf(
  originRegionCode: string,
  destinationRegionCode: string,
  transit: readonly string[] | null | undefined,
) {
  const codes = transit ?? [];
  if (codes.length > MAX_TRANSIT_PROVINCES)
    throw invalidInput('transitProvinceCodes', `may list at most ${MAX_TRANSIT_PROVINCES} provinces`);
  const origin = provinceOf(originRegionCode);
  const destination = provinceOf(destinationRegionCode);
  for (const code of codes) {
    assertRegionCode('transitProvinceCodes', code);
    if (provinceOf(code) !== code) throw invalidInput('transitProvinceCodes', `${code} is not a province (xx0000)`);
    if (code === origin || code === destination)
      throw invalidInput(
        'transitProvinceCodes',
        `${code} is the origin's or destination's province; list only those between`,
      );
  }
  if (new Set(codes).size !== codes.length) throw invalidInput('transitProvinceCodes', 'names a province twice');
  return [...new Set([origin, ...codes, destination])];
}

/** Checks every field of a new waybill, before anything is written; returns the values to store. */
export function validatedValues(input: CreateWaybillInput): WaybillValues {
  assertCreditCode('carrierCreditCode', input.carrierCreditCode);
  assertPlateNumber('plateNumber', input.plateNumber);
  const unProblem = unNumberProblem(input.unNumber);
  if (unProblem) throw invalidInput('unNumber', unProblem);
  const classProblem = hazardClassProblem(input.hazardClass);
  if (classProblem) throw invalidInput('hazardClass', classProblem);
  const packingGroup = input.packingGroup ?? null;
  if (packingGroup !== null) {
    const groupProblem = packingGroupProblem(input.hazardClass);
    if (groupProblem) throw invalidInput('packingGroup', groupProblem);
  }
  assertRegionCode('originRegionCode', input.originRegionCode);
  assertRegionCode('destinationRegionCode', input.destinationRegionCode);
  assertResidentId('driverQualificationNumber', input.driverQualificationNumber);
  assertResidentId('escortQualificationNumber', input.escortQualificationNumber);
  if (input.driverQualificationNumber === input.escortQualificationNumber)
    throw invalidInput(
      'escortQualificationNumber',
      'the escort must be another person than the driver (押运人员不得由驾驶人员兼任)',
    );
  return {
    carrierCreditCode: input.carrierCreditCode,
    shipperName: assertText('shipperName', input.shipperName, 200),
    consigneeName: assertText('consigneeName', input.consigneeName ?? '', 200),
    loaderName: assertText('loaderName', input.loaderName, 200),
    driverName: assertText('driverName', input.driverName, 50),
    driverQualificationNumber: input.driverQualificationNumber,
    escortName: assertText('escortName', input.escortName, 50),
    escortQualificationNumber: input.escortQualificationNumber,
    routeProvinceCodes: routeOf(input.originRegionCode, input.destinationRegionCode, input.transitProvinceCodes),
    plateNumber: input.plateNumber,
    goodsName: assertText('goodsName', input.goodsName, 200),
    unNumber: input.unNumber,
    hazardClass: input.hazardClass,
    packingGroup,
    quantityKg: assertInteger('quantityKg', input.quantityKg, 1, MAX_QUANTITY_KG),
    originRegionCode: input.originRegionCode,
    destinationRegionCode: input.destinationRegionCode,
  };
}
