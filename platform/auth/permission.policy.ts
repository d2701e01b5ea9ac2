import { forbidden, unauthenticated } from '../errors/domain-error';
import type { Identity } from './identity';

/**
 * What an operation or field needs. Resolvers declare these with `@Authorized(...)`; a field that
 * declares none is refused (see `authorizedOrDenied`), so forgetting a rule fails closed.
 */
export enum Permission {
  REGISTRY_READ = 'registry:read',
  REGISTRY_WRITE = 'registry:write',
  PERMIT_READ = 'permit:read',
  PERMIT_APPLY = 'permit:apply',
  PERMIT_ACCEPT = 'permit:accept',
  PERMIT_DECIDE = 'permit:decide',
  CASE_READ = 'case:read',
  CASE_FILE = 'case:file',
  CASE_INVESTIGATE = 'case:investigate',
  CASE_DECIDE = 'case:decide',
  CREDIT_READ = 'credit:read',
  CREDIT_WRITE = 'credit:write',
  WAYBILL_READ = 'waybill:read',
  WAYBILL_WRITE = 'waybill:write',
  /** Follow the reports to the national safety supervision platform (国家安全生产监管平台). */
  SAFETY_REPORT_READ = 'safety-report:read',
  OVERLOAD_SUBMIT = 'overload:submit',
  /** Safety inspections and hidden hazards (隐患排查治理): read. */
  HAZARD_READ = 'hazard:read',
  /** Record inspections, report and verify hazards' rectification. */
  HAZARD_WRITE = 'hazard:write',
  /** Accident reports (事故快报) and their follow-ups: read. */
  ACCIDENT_READ = 'accident:read',
  /** Report accidents and their follow-ups (续报). */
  ACCIDENT_WRITE = 'accident:write',
  /** Key vehicles' positions from the provincial monitoring platform (联网联控). */
  POSITION_SUBMIT = 'position:submit',
  /** Monitoring alerts, latest positions and online rates of key vehicles. */
  SAFETY_ALERT_READ = 'safety-alert:read',
  /** Acknowledge, close and escalate monitoring alerts. */
  SAFETY_ALERT_HANDLE = 'safety-alert:handle',
  STATISTICS_READ = 'statistics:read',
  /** Set and remove early-warning thresholds (预警阈值) of statistics indicators in one's region. */
  STATISTICS_CONFIGURE = 'statistics:configure',
  AUDIT_READ = 'audit:read',
  /** Browse the data resource catalogue (数据资源目录): every shareable item, its share class and owner. */
  CATALOGUE_READ = 'catalogue:read',
  /**
   * A partner ministry's administrator (共享申请): request catalogue items for its client, register its
   * operations, subscribe to notifications and read its own grants, deliveries and usage.
   */
  PARTNER_ADMINISTER = 'partner:administer',
  /** An owning department's approver (共享审批): grant or refuse conditional items of its department. */
  DATA_ACCESS_APPROVE = 'data-access:approve',
  /**
   * Open to everyone, signed in or not (scanning a certificate's QR code). Granted to every caller,
   * anonymous included; only the root queries in PUBLIC_QUERY_FIELDS may declare it (checked by
   * `accessRuleProblems`), and the gateway lets a request without a token run only those.
   */
  PUBLIC_VERIFY = 'public:verify',
  /** Open data (数据开放): the open data list's indicators, small counts suppressed; public like PUBLIC_VERIFY. */
  PUBLIC_OPEN_DATA = 'public:open-data',
}

/** Permissions every caller holds, anonymous callers included. */
export const PUBLIC_PERMISSIONS: ReadonlySet<Permission> = new Set([
  Permission.PUBLIC_VERIFY,
  Permission.PUBLIC_OPEN_DATA,
]);

/**
 * The root query fields open to the public: the only fields a public permission may be declared on,
 * and the only ones the gateway runs for a request without a token. Each is audited like any request.
 */
export const PUBLIC_QUERY_FIELDS: ReadonlySet<string> = new Set([
  'verifyCertificate',
  'certificateSigningKeys',
  // 双公示: published licences and penalties (subgraphs/credit/disclosure).
  'creditDisclosures',
  // 数据开放: the open data list's indicators (subgraphs/statistics/open-data).
  'openIndicators',
]);

/** Realm role -> what it may do. Roles come from `auth/realm-transport.json`. */
export const ROLE_PERMISSIONS: Readonly<Record<string, readonly Permission[]>> = {
  'licensing-officer': [
    Permission.REGISTRY_READ,
    Permission.REGISTRY_WRITE,
    Permission.PERMIT_READ,
    Permission.PERMIT_APPLY,
    Permission.PERMIT_ACCEPT,
  ],
  // Joint discipline (联合惩戒): a reviewer reads the applicant's credit file before deciding.
  'licensing-reviewer': [
    Permission.REGISTRY_READ,
    Permission.PERMIT_READ,
    Permission.PERMIT_DECIDE,
    Permission.CREDIT_READ,
  ],
  'enforcement-officer': [
    Permission.REGISTRY_READ,
    Permission.PERMIT_READ,
    Permission.CASE_READ,
    Permission.CASE_FILE,
    Permission.CASE_INVESTIGATE,
  ],
  'enforcement-supervisor': [
    Permission.REGISTRY_READ,
    Permission.PERMIT_READ,
    Permission.CASE_READ,
    Permission.CASE_DECIDE,
  ],
  'credit-officer': [Permission.REGISTRY_READ, Permission.CREDIT_READ, Permission.CREDIT_WRITE, Permission.CASE_READ],
  'safety-officer': [
    Permission.REGISTRY_READ,
    Permission.WAYBILL_READ,
    Permission.WAYBILL_WRITE,
    Permission.HAZARD_READ,
    Permission.HAZARD_WRITE,
    Permission.ACCIDENT_READ,
    Permission.ACCIDENT_WRITE,
    Permission.SAFETY_REPORT_READ,
    Permission.SAFETY_ALERT_READ,
    Permission.SAFETY_ALERT_HANDLE,
  ],
  'statistics-analyst': [Permission.REGISTRY_READ, Permission.STATISTICS_READ],
  // Senior analysts who configure early warning (预警); they read statistics through statistics-analyst.
  'statistics-warning-admin': [Permission.STATISTICS_CONFIGURE],
  'partner-reader': [
    Permission.REGISTRY_READ,
    Permission.PERMIT_READ,
    Permission.CREDIT_READ,
    Permission.STATISTICS_READ,
  ],
  // Weigh stations' machine clients (治超联网) submit detection records and nothing else.
  'weigh-station': [Permission.OVERLOAD_SUBMIT],
  // The provincial key-vehicle monitoring platform's machine client (联网联控) submits positions and nothing else.
  'vehicle-monitoring': [Permission.POSITION_SUBMIT],
  // A partner ministry's administrator (a person, bound to its client by the partner_client attribute).
  'partner-admin': [Permission.CATALOGUE_READ, Permission.PARTNER_ADMINISTER],
  // An owning department's data-sharing approver (bound to the department by the department attribute).
  'data-sharing-approver': [Permission.CATALOGUE_READ, Permission.DATA_ACCESS_APPROVE],
  // Administrators read the audit trail and the catalogue; their other rights come from the department roles they hold.
  admin: [Permission.AUDIT_READ, Permission.CATALOGUE_READ],
};

/** The data category (数据类别) each permission reads or writes; partner clients are granted categories. */
export const PERMISSION_CATEGORY: Readonly<Record<Permission, string>> = {
  [Permission.REGISTRY_READ]: 'registry',
  [Permission.REGISTRY_WRITE]: 'registry',
  [Permission.PERMIT_READ]: 'licensing',
  [Permission.PERMIT_APPLY]: 'licensing',
  [Permission.PERMIT_ACCEPT]: 'licensing',
  [Permission.PERMIT_DECIDE]: 'licensing',
  [Permission.CASE_READ]: 'enforcement',
  [Permission.CASE_FILE]: 'enforcement',
  [Permission.CASE_INVESTIGATE]: 'enforcement',
  [Permission.CASE_DECIDE]: 'enforcement',
  [Permission.CREDIT_READ]: 'credit',
  [Permission.CREDIT_WRITE]: 'credit',
  [Permission.WAYBILL_READ]: 'safety',
  [Permission.WAYBILL_WRITE]: 'safety',
  [Permission.SAFETY_REPORT_READ]: 'safety',
  [Permission.OVERLOAD_SUBMIT]: 'enforcement',
  [Permission.HAZARD_READ]: 'safety',
  [Permission.HAZARD_WRITE]: 'safety',
  [Permission.ACCIDENT_READ]: 'safety',
  [Permission.ACCIDENT_WRITE]: 'safety',
  [Permission.POSITION_SUBMIT]: 'safety',
  [Permission.SAFETY_ALERT_READ]: 'safety',
  [Permission.SAFETY_ALERT_HANDLE]: 'safety',
  [Permission.STATISTICS_READ]: 'statistics',
  [Permission.STATISTICS_CONFIGURE]: 'statistics',
  [Permission.AUDIT_READ]: 'audit',
  [Permission.CATALOGUE_READ]: 'exchange',
  [Permission.PARTNER_ADMINISTER]: 'exchange',
  [Permission.DATA_ACCESS_APPROVE]: 'exchange',
  [Permission.PUBLIC_VERIFY]: 'public',
  [Permission.PUBLIC_OPEN_DATA]: 'public',
};

/** Realm role of partner ministries' machine clients; their rights are cut to their granted categories. */
export const PARTNER_ROLE = 'partner-reader';
export const CATEGORY_SCOPE_PREFIX = 'category:';

export function permissionsOf(identity: Identity): Set<Permission> {
  const granted = new Set<Permission>();
  for (const role of identity.roles) for (const permission of ROLE_PERMISSIONS[role] ?? []) granted.add(permission);
  if (identity.roles.has(PARTNER_ROLE)) {
    // A partner client reads only the categories its client is granted (client scopes in the realm).
    for (const permission of granted) {
      if (!identity.scopes.has(`${CATEGORY_SCOPE_PREFIX}${PERMISSION_CATEGORY[permission]}`))
        granted.delete(permission);
    }
  }
  for (const permission of PUBLIC_PERMISSIONS) granted.add(permission);
  return granted;
}

/** Throws UNAUTHENTICATED without an identity and FORBIDDEN without any of the permissions. */
export function requirePermission(identity: Identity | null, ...anyOf: Permission[]): Identity {
  if (!identity) throw unauthenticated('Sign in to use the single window');
  const granted = permissionsOf(identity);
  if (!anyOf.some((permission) => granted.has(permission))) {
    throw forbidden(`Requires one of: ${anyOf.join(', ')}`);
  }
  return identity;
}

export interface IdentityContext {
  identity: Identity | null;
}

/**
 * What every declared rule means, with or without a schema library: a field that declares no permission
 * is refused; one naming a public permission is open to anonymous callers too (see PUBLIC_QUERY_FIELDS);
 * otherwise the caller needs any one of the permissions.
 */
export function assertDeclaredAccess(identity: Identity | null, permissions: readonly string[]): void {
  if (permissions.length === 0) throw forbidden('This field declares no access rule');
  if (permissions.some((permission) => PUBLIC_PERMISSIONS.has(permission as Permission))) return;
  requirePermission(identity, ...(permissions as Permission[]));
}
