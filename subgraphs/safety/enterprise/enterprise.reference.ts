import { Permission, requirePermission } from '../../../platform/auth/permission.policy';
import { enterpriseEntity } from '../../../platform/graphql/shared-entities';
import type { SafetyContext } from '../safety.context';

/** Licensing owns the enterprise; this subgraph knows it by its credit code and adds its waybills and hazards. */
export const Enterprise = enterpriseEntity(
  'A market subject (经营业户) in the transport registry, keyed by its unified social credit code.',
);
export type Enterprise = InstanceType<typeof Enterprise>;

/** Any credit code is answered: an enterprise without waybills has an empty list, not an error. */
export function resolveEnterpriseReference(
  reference: Pick<Enterprise, 'creditCode'>,
  context: SafetyContext,
): Pick<Enterprise, 'creditCode'> {
  requirePermission(context.identity, Permission.WAYBILL_READ, Permission.HAZARD_READ);
  return { creditCode: reference.creditCode };
}
