import { randomInt } from 'node:crypto';
import { newCreditCode, newPlate } from '../harness/story';
import {
  applicationSpec,
  at,
  childList,
  EVERYWHERE,
  fixtureRecord,
  IN_REGION,
  JS_APPLICATION,
  listing,
  lookup,
  mutation,
  OUT_ABSENT,
  OUT_FORBIDDEN,
  OUT_NOT_FOUND,
  OUT_REGION,
  step,
  ZJ_APPLICATION,
  type Base,
  type DepartmentMatrix,
  type FixtureSpec,
  type OperationProbe,
  type Variant,
} from './matrix.dsl';
import { applicationInput } from './matrix.fixtures';

// Licensing (行政许可): the enterprise and vehicle registry, permit applications and permits.
// Rows of the authorization matrix (test/authorization-matrix.test.ts), written out by hand from
// permission.policy.ts, the resolvers' @Authorized rules and region-scope.ts; not computed from them.

// Who may call what: Y allowed, - refused with FORBIDDEN whatever the region.
// Columns:                                lic-off lic-rev enf-off enf-sup credit safety stats pii admin p-adm approver
const WHO_MAY = {
  'Query.enterprise': 'Y       Y       Y       Y       Y      Y      Y     Y   Y     -     -',
  'Query.enterprises': 'Y       Y       Y       Y       Y      Y      Y     Y   Y     -     -',
  'Query.vehicle': 'Y       Y       Y       Y       Y      Y      Y     Y   Y     -     -',
  'Query.permitApplication': 'Y       Y       Y       Y       -      -      -     Y   Y     -     -',
  'Query.permitApplications': 'Y       Y       Y       Y       -      -      -     Y   Y     -     -',
  'Query.permit': 'Y       Y       Y       Y       -      -      -     Y   Y     -     -',
  'Mutation.registerEnterprise': 'Y       -       -       -       -      -      -     -   Y     -     -',
  'Mutation.registerVehicle': 'Y       -       -       -       -      -      -     -   Y     -     -',
  'Mutation.changeVehicleCertificateStatus': '-       Y       -       -       -      -      -     -   Y     -     -',
  'Mutation.submitPermitApplication': 'Y       -       -       -       -      -      -     -   Y     -     -',
  'Mutation.acceptPermitApplication': 'Y       -       -       -       -      -      -     -   Y     -     -',
  'Mutation.approvePermitApplication': '-       Y       -       -       -      -      -     -   Y     -     -',
  'Mutation.rejectPermitApplication': '-       Y       -       -       -      -      -     -   Y     -     -',
  'Enterprise.permits': 'Y       Y       Y       Y       -      -      -     Y   Y     -     -',
  'Enterprise.vehicles': 'Y       Y       Y       Y       Y      Y      Y     Y   Y     -     -',
} as const;

type Operation = keyof typeof WHO_MAY;

// What an allowed role gets, as "national jiangsu nanjing" (the notation is explained in matrix.dsl.ts).
const REGION_RULES: Record<Operation, Partial<Record<Variant, string>>> = {
  'Query.enterprise': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  'Query.enterprises': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  'Query.vehicle': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  'Query.permitApplication': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  'Query.permitApplications': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  'Query.permit': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  'Mutation.registerEnterprise': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Mutation.registerVehicle': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  // The certifying region decides on a certificate; a vehicle certified elsewhere does not exist for it.
  'Mutation.changeVehicleCertificateStatus': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND },
  'Mutation.submitPermitApplication': { 'in-region': EVERYWHERE, 'out-of-region': OUT_FORBIDDEN },
  'Mutation.acceptPermitApplication': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND },
  'Mutation.approvePermitApplication': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND },
  'Mutation.rejectPermitApplication': { 'in-region': EVERYWHERE, 'out-of-region': OUT_NOT_FOUND },
  'Enterprise.permits': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
  'Enterprise.vehicles': { 'in-region': EVERYWHERE, 'out-of-region': OUT_ABSENT },
};

// How each cell is probed: the records it needs, the request, and what "ok" and "absent" look like.
const enterpriseLookup = lookup('enterprise', 'creditCode', 'String!', 'creditCode name', 'creditCode');
const vehicleLookup = lookup('vehicle', 'plateNumber', 'String!', 'plateNumber regionCode', 'plateNumber');
const applicationLookup = lookup(
  'permitApplication',
  'applicationNumber',
  'String!',
  'applicationNumber status',
  'applicationNumber',
);
const permitLookup = lookup('permit', 'number', 'String!', 'number regionCode', 'number');
const enterpriseList = listing('enterprises', '', 'creditCode');
const applicationList = listing('permitApplications', '', 'applicationNumber');
const registerEnterprise = mutation(
  'registerEnterprise',
  'RegisterEnterpriseInput',
  'enterprise { creditCode regionCode }',
);
const registerVehicle = mutation('registerVehicle', 'RegisterVehicleInput', 'vehicle { plateNumber regionCode }');
const suspendCertificate = (fixture: FixtureSpec) =>
  mutation(
    'changeVehicleCertificateStatus',
    'ChangeVehicleCertificateStatusInput',
    'vehicle { plateNumber certificateStatus }',
  )(
    (context) => ({ plateNumber: context.record, status: 'SUSPENDED', reason: '矩阵测试：暂扣道路运输证' }),
    (payload, context) =>
      expect(at(payload, 'vehicle')).toEqual({ plateNumber: context.record, certificateStatus: 'SUSPENDED' }),
    fixture,
  );
const submitApplication = mutation(
  'submitPermitApplication',
  'SubmitPermitApplicationInput',
  'application { applicationNumber status regionCode }',
);
const acceptApplication = step(
  'acceptPermitApplication',
  'ApplicationActionInput',
  'applicationNumber',
  'application',
  'ACCEPTED',
);
const approveApplication = step(
  'approvePermitApplication',
  'ApprovePermitApplicationInput',
  'applicationNumber',
  'application',
  'APPROVED',
);
const rejectApplication = step(
  'rejectPermitApplication',
  'RejectPermitApplicationInput',
  'applicationNumber',
  'application',
  'REJECTED',
  { reason: '申请材料不齐全' },
);

const PROBES: Record<Operation, OperationProbe> = {
  'Query.enterprise': {
    field: 'enterprise',
    write: false,
    variants: {
      'in-region': enterpriseLookup(({ base }) => base.jsEnterprise),
      'out-of-region': enterpriseLookup(({ base }) => base.zjEnterprise),
    },
  },
  'Query.enterprises': {
    field: 'enterprises',
    write: false,
    variants: {
      'in-region': enterpriseList(IN_REGION, ({ base }) => base.jsEnterprise),
      'out-of-region': enterpriseList(OUT_REGION, ({ base }) => base.zjEnterprise),
    },
  },
  'Query.vehicle': {
    field: 'vehicle',
    write: false,
    variants: {
      'in-region': vehicleLookup(({ base }) => base.jsVehicle),
      'out-of-region': vehicleLookup(({ base }) => base.zjVehicle),
    },
  },
  'Query.permitApplication': {
    field: 'permitApplication',
    write: false,
    variants: {
      'in-region': applicationLookup(fixtureRecord, JS_APPLICATION),
      'out-of-region': applicationLookup(fixtureRecord, ZJ_APPLICATION),
    },
  },
  'Query.permitApplications': {
    field: 'permitApplications',
    write: false,
    variants: {
      'in-region': applicationList(IN_REGION, fixtureRecord, JS_APPLICATION),
      'out-of-region': applicationList(OUT_REGION, fixtureRecord, ZJ_APPLICATION),
    },
  },
  'Query.permit': {
    field: 'permit',
    write: false,
    variants: {
      'in-region': permitLookup(({ base }) => base.jsPermit),
      'out-of-region': permitLookup(({ base }) => base.zjPermit),
    },
  },
  'Mutation.registerEnterprise': {
    field: 'registerEnterprise',
    write: true,
    variants: Object.fromEntries(
      (
        [
          ['in-region', IN_REGION],
          ['out-of-region', OUT_REGION],
        ] as const
      ).map(([variant, region]) => [
        variant,
        registerEnterprise(
          () => ({
            creditCode: newCreditCode(region),
            name: '矩阵测试运输有限公司',
            legalRepresentative: '测试人',
            regionCode: region,
            address: '测试路1号',
          }),
          (payload, _context, input) =>
            expect(at(payload, 'enterprise')).toEqual({ creditCode: input.creditCode, regionCode: region }),
        ),
      ]),
    ),
  },
  'Mutation.registerVehicle': {
    field: 'registerVehicle',
    write: true,
    variants: Object.fromEntries(
      (
        [
          ['in-region', IN_REGION, '苏A', (base: Base) => base.jsEnterprise],
          ['out-of-region', OUT_REGION, '浙A', (base: Base) => base.zjEnterprise],
        ] as const
      ).map(([variant, region, prefix, owner]) => [
        variant,
        registerVehicle(
          ({ base }) => ({
            plateNumber: newPlate(prefix),
            ownerCreditCode: owner(base),
            vehicleType: '重型半挂牵引车',
            category: 'FREIGHT',
            approvedLoadKg: 40000,
            transportCertificateNumber: `MX${randomInt(1e9)}`,
            regionCode: region,
          }),
          (payload, _context, input) =>
            expect(at(payload, 'vehicle')).toEqual({ plateNumber: input.plateNumber, regionCode: region }),
        ),
      ]),
    ),
  },
  'Mutation.changeVehicleCertificateStatus': {
    field: 'changeVehicleCertificateStatus',
    write: true,
    variants: {
      'in-region': suspendCertificate({ kind: 'vehicle', region: IN_REGION }),
      'out-of-region': suspendCertificate({ kind: 'vehicle', region: OUT_REGION }),
    },
  },
  'Mutation.submitPermitApplication': {
    field: 'submitPermitApplication',
    write: true,
    variants: Object.fromEntries(
      (
        [
          ['in-region', IN_REGION, (base: Base) => base.jsEnterprise],
          ['out-of-region', OUT_REGION, (base: Base) => base.zjEnterprise],
        ] as const
      ).map(([variant, region, code]) => [
        variant,
        submitApplication(applicationInput(code, region), (payload) => {
          expect(at(payload, 'application.status')).toBe('SUBMITTED');
          expect(at(payload, 'application.regionCode')).toBe(region);
        }),
      ]),
    ),
  },
  'Mutation.acceptPermitApplication': {
    field: 'acceptPermitApplication',
    write: true,
    variants: { 'in-region': acceptApplication(JS_APPLICATION), 'out-of-region': acceptApplication(ZJ_APPLICATION) },
  },
  'Mutation.approvePermitApplication': {
    field: 'approvePermitApplication',
    write: true,
    variants: {
      'in-region': approveApplication(applicationSpec('ACCEPTED', IN_REGION)),
      'out-of-region': approveApplication(applicationSpec('ACCEPTED', OUT_REGION)),
    },
  },
  'Mutation.rejectPermitApplication': {
    field: 'rejectPermitApplication',
    write: true,
    variants: {
      'in-region': rejectApplication(applicationSpec('ACCEPTED', IN_REGION)),
      'out-of-region': rejectApplication(applicationSpec('ACCEPTED', OUT_REGION)),
    },
  },
  'Enterprise.permits': {
    field: 'permits',
    enterpriseField: true,
    write: false,
    variants: {
      'in-region': childList('permits', 'number')(({ base }) => base.jsPermit),
      'out-of-region': childList('permits', 'number')(({ base }) => base.zjPermit),
    },
  },
  'Enterprise.vehicles': {
    field: 'vehicles',
    enterpriseField: true,
    write: false,
    variants: {
      'in-region': childList('vehicles', 'plateNumber')(({ base }) => base.jsVehicle),
      'out-of-region': childList('vehicles', 'plateNumber')(({ base }) => base.zjVehicle),
    },
  },
};

export const LICENSING_MATRIX: DepartmentMatrix<Operation> = {
  whoMay: WHO_MAY,
  regionRules: REGION_RULES,
  probes: PROBES,
};
