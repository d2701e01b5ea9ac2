import { Permission, requirePermission } from '../../../platform/auth/permission.policy';
import { enterpriseLoader, type LicensingContext } from '../licensing.context';
import type { Enterprise } from './enterprise.entity';

/** Resolves `Enterprise` references from other subgraphs, batched per request. */
export async function resolveEnterpriseReference(
  reference: Pick<Enterprise, 'creditCode'>,
  context: LicensingContext,
): Promise<Enterprise | null> {
  requirePermission(context.identity, Permission.REGISTRY_READ);
  return enterpriseLoader(context).load(reference.creditCode);
}
