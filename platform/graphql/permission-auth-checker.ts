import type { AuthCheckerInterface, ResolverData } from 'type-graphql';
import { assertDeclaredAccess, type IdentityContext } from '../auth/permission.policy';

/** type-graphql's auth checker: `@Authorized(Permission.X, ...)` means any one of them. */
export class PermissionAuthChecker implements AuthCheckerInterface<IdentityContext> {
  check({ context }: ResolverData<IdentityContext>, permissions: string[]): boolean {
    assertDeclaredAccess(context.identity, permissions);
    return true;
  }
}
