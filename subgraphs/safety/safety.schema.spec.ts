import { printSubgraphSchema } from '@apollo/subgraph';
import {
  isEnumType,
  isInputObjectType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLSchema,
} from 'graphql';
import { buildSchema } from './safety.subgraph';

describe('the safety subgraph schema', () => {
  let schema: GraphQLSchema;
  let sdl: string;
  beforeAll(async () => {
    schema = await buildSchema();
    sdl = printSubgraphSchema(schema);
  });

  /** `name(arg: Type, ...): Type` of every field of a type, for comparing with the contract. */
  function signatures(typeName: string): Record<string, string> {
    const type = schema.getType(typeName);
    if (!isObjectType(type) && !isInputObjectType(type)) throw new Error(`${typeName} is not an object or input type`);
    const fields: Record<string, GraphQLField<unknown, unknown> | GraphQLInputField> = type.getFields();
    return Object.fromEntries(
      Object.values(fields).map((field) => {
        const args =
          'args' in field && field.args.length > 0
            ? `(${field.args
                .map((arg) => `${arg.name}: ${String(arg.type)}`)
                .sort()
                .join(', ')})`
            : '';
        return [field.name, `${args}${String(field.type)}`];
      }),
    );
  }

  it('serves the waybill queries and mutations the single window calls', () => {
    expect(signatures('Query')).toMatchObject({
      waybill: '(waybillNumber: String!)Waybill',
      waybills: '(after: String, first: Int, regionCode: String, status: WaybillStatus)WaybillConnection!',
    });
    expect(signatures('Mutation')).toEqual({
      createWaybill: '(input: CreateWaybillInput!)CreateWaybillPayload!',
      departWaybill: '(input: WaybillActionInput!)WaybillPayload!',
      arriveWaybill: '(input: WaybillActionInput!)WaybillPayload!',
      cancelWaybill: '(input: CancelWaybillInput!)WaybillPayload!',
      recordSafetyInspection: '(input: RecordSafetyInspectionInput!)RecordSafetyInspectionPayload!',
      reportHazardRectification: '(input: ReportHazardRectificationInput!)HiddenHazardPayload!',
      verifyHazardRectification: '(input: VerifyHazardRectificationInput!)HiddenHazardPayload!',
      reportAccident: '(input: ReportAccidentInput!)AccidentPayload!',
      updateAccidentReport: '(input: UpdateAccidentReportInput!)AccidentPayload!',
      submitVehiclePositions: '(input: SubmitVehiclePositionsInput!)SubmitVehiclePositionsPayload!',
      acknowledgeSafetyAlert: '(input: AcknowledgeSafetyAlertInput!)SafetyAlertPayload!',
      closeSafetyAlert: '(input: CloseSafetyAlertInput!)SafetyAlertPayload!',
      escalateSafetyAlert: '(input: EscalateSafetyAlertInput!)SafetyAlertPayload!',
    });
    expect(signatures('Query')).toMatchObject({
      safetyAlerts: '(after: String, first: Int, regionCode: String, status: SafetyAlertStatus)SafetyAlertConnection!',
      vehicleOnlineRate: '(day: String!, regionCode: String)OnlineRate!',
    });
  });

  it('serves inspections, hidden hazards and accident reports', () => {
    expect(signatures('Query')).toMatchObject({
      safetyInspection: '(id: ID!)SafetyInspection',
      hiddenHazards:
        '(after: String, first: Int, level: HazardLevel, overdue: Boolean, regionCode: String, status: HazardStatus)HiddenHazardConnection!',
      overdueHazards: '(regionCode: String)[RegionOverdueHazards!]!',
      accident: '(id: ID!)Accident',
      accidents: '(after: String, first: Int, regionCode: String, severity: AccidentSeverity)AccidentConnection!',
    });
  });

  it('takes the inputs the integration tests send and answers with the waybill', () => {
    expect(signatures('CreateWaybillInput')).toEqual({
      carrierCreditCode: 'String!',
      shipperName: 'String!',
      consigneeName: 'String',
      loaderName: 'String!',
      driverName: 'String!',
      driverQualificationNumber: 'String!',
      escortName: 'String!',
      escortQualificationNumber: 'String!',
      plateNumber: 'String!',
      goodsName: 'String!',
      unNumber: 'String!',
      hazardClass: 'String!',
      packingGroup: 'PackingGroup',
      quantityKg: 'Int!',
      originRegionCode: 'String!',
      destinationRegionCode: 'String!',
      transitProvinceCodes: '[String!]',
    });
    expect(signatures('WaybillActionInput')).toEqual({ waybillNumber: 'String!', expectedVersion: 'Int' });
    expect(signatures('CancelWaybillInput')).toEqual({
      waybillNumber: 'String!',
      expectedVersion: 'Int',
      reason: 'String!',
    });
    expect(signatures('CreateWaybillPayload')).toEqual({ waybill: 'Waybill!' });
    expect(signatures('WaybillPayload')).toEqual({ waybill: 'Waybill!' });
  });

  it('shows the waybill with its status, version and links to the registry', () => {
    expect(signatures('Waybill')).toMatchObject({
      waybillNumber: 'String!',
      status: 'WaybillStatus!',
      quantityKg: 'Int!',
      version: 'Int!',
      departedAt: 'DateTimeISO',
      carrier: 'Enterprise',
      vehicle: 'Vehicle',
    });
    const status = schema.getType('WaybillStatus');
    expect(isEnumType(status) && status.getValues().map((value) => value.name)).toEqual([
      'CREATED',
      'IN_TRANSIT',
      'ARRIVED',
      'CANCELLED',
    ]);
  });

  it('adds waybills, open hazards and monitoring to the Enterprise and Vehicle entities that licensing owns', () => {
    expect(sdl).toMatch(/type Enterprise\s+@key\(fields: "creditCode"\)/);
    expect(sdl).toMatch(/type Vehicle\s+@key\(fields: "plateNumber"\)/);
    expect(signatures('Enterprise')).toEqual({
      creditCode: 'String!',
      openHazards: 'EnterpriseOpenHazards',
      waybills: '(after: String, first: Int)WaybillConnection',
      safetyAlertsLast30Days: 'Int',
      onlineRate: '(day: String)OnlineRate',
    });
    expect(signatures('Vehicle')).toEqual({
      plateNumber: 'String!',
      waybills: '(after: String, first: Int)WaybillConnection',
      lastPosition: 'VehiclePositionView',
      openAlerts: '[SafetyAlert!]',
    });
  });
});
