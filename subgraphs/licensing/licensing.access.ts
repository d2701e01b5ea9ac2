import type { AccessRules } from '../../platform/auth/access-rules';
import { Permission } from '../../platform/auth/permission.policy';

/** Who may see each licensing type (checked against the resolvers by scripts/access-rules.spec.ts). */
export const LICENSING_ACCESS: AccessRules = {
  Enterprise: [Permission.REGISTRY_READ, Permission.REGISTRY_WRITE],
  Vehicle: [Permission.REGISTRY_READ, Permission.REGISTRY_WRITE, Permission.PERMIT_DECIDE],
  PermitApplication: [
    Permission.PERMIT_READ,
    Permission.PERMIT_APPLY,
    Permission.PERMIT_ACCEPT,
    Permission.PERMIT_DECIDE,
  ],
  // The action payloads can carry the permit an action issued.
  Permit: [Permission.PERMIT_READ, Permission.PERMIT_APPLY, Permission.PERMIT_ACCEPT, Permission.PERMIT_DECIDE],
  EnterpriseConnection: 'STRUCTURE',
  EnterpriseEdge: 'STRUCTURE',
  VehicleConnection: 'STRUCTURE',
  VehicleEdge: 'STRUCTURE',
  PermitConnection: 'STRUCTURE',
  PermitEdge: 'STRUCTURE',
  PermitApplicationConnection: 'STRUCTURE',
  PermitApplicationEdge: 'STRUCTURE',
  // Electronic certificates: officers see them on permits; anyone verifies one by its identifier.
  ElectronicCertificate: [Permission.PERMIT_READ, Permission.PUBLIC_VERIFY],
  CertificateVerification: 'STRUCTURE',
  CertificateSigningKey: [Permission.PUBLIC_VERIFY],
  RegisterEnterprisePayload: 'STRUCTURE',
  RegisterVehiclePayload: 'STRUCTURE',
  ChangeVehicleCertificateStatusPayload: 'STRUCTURE',
  PermitApplicationPayload: 'STRUCTURE',
  // The permit workflow (permit/, attachment/): everyone working with permits sees its parts.
  ApplicationTransition: [
    Permission.PERMIT_READ,
    Permission.PERMIT_APPLY,
    Permission.PERMIT_ACCEPT,
    Permission.PERMIT_DECIDE,
  ],
  RouteSegment: [Permission.PERMIT_READ, Permission.PERMIT_APPLY, Permission.PERMIT_ACCEPT, Permission.PERMIT_DECIDE],
  PermitMaterial: [Permission.PERMIT_READ, Permission.PERMIT_APPLY, Permission.PERMIT_ACCEPT, Permission.PERMIT_DECIDE],
  PermitStatusChange: [
    Permission.PERMIT_READ,
    Permission.PERMIT_APPLY,
    Permission.PERMIT_ACCEPT,
    Permission.PERMIT_DECIDE,
  ],
  MaterialRequirement: [
    Permission.PERMIT_READ,
    Permission.PERMIT_APPLY,
    Permission.PERMIT_ACCEPT,
    Permission.PERMIT_DECIDE,
  ],
  ReturnNotice: [Permission.PERMIT_READ, Permission.PERMIT_APPLY, Permission.PERMIT_ACCEPT, Permission.PERMIT_DECIDE],
  // Joint discipline (联合惩戒): what a listed applicant's approval takes, shown with the application.
  JointDisciplineView: [Permission.PERMIT_READ],
  ApplicantListing: [Permission.PERMIT_READ],
  ReviewOpinion: [Permission.PERMIT_READ, Permission.PERMIT_APPLY, Permission.PERMIT_ACCEPT, Permission.PERMIT_DECIDE],
  DeadlineExtension: [
    Permission.PERMIT_READ,
    Permission.PERMIT_APPLY,
    Permission.PERMIT_ACCEPT,
    Permission.PERMIT_DECIDE,
  ],
  PermitKindDefinition: [
    Permission.PERMIT_READ,
    Permission.PERMIT_APPLY,
    Permission.PERMIT_ACCEPT,
    Permission.PERMIT_DECIDE,
  ],
  PermitPayload: 'STRUCTURE',
  AttachPermitMaterialPayload: 'STRUCTURE',
  // Decision reports to the investment platform: for the licensing staff who handle and decide applications.
  PlatformReport: [Permission.PERMIT_ACCEPT, Permission.PERMIT_DECIDE],
  PlatformReportConnection: 'STRUCTURE',
  PlatformReportEdge: 'STRUCTURE',
};
