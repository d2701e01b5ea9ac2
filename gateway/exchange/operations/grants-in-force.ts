import { GraphQLError } from 'graphql';
import type { PurposeCode } from '../../../platform/auth/purpose';
import { grantPurposes, type GrantBook } from '../grants/grant-book';

function refusal(
  reason: 'GRANT_REQUIRED' | 'GRANT_EXPIRED',
  coordinate: string,
  uncovered: string[],
  purpose: PurposeCode,
) {
  const chinese =
    reason === 'GRANT_EXPIRED' ? `数据项 ${coordinate} 的共享授权已过期` : `数据项 ${coordinate} 没有在用的共享授权`;
  const english =
    reason === 'GRANT_EXPIRED'
      ? `the grant of ${coordinate} for ${purpose} has expired`
      : `${coordinate} is not granted for ${purpose}`;
  return new GraphQLError(`${chinese}（用途 ${purpose}）。Refused: ${english}; request access to it again`, {
    extensions: { code: 'FORBIDDEN', reason, coordinate, coordinates: uncovered, http: { status: 403 } },
  });
}

/**
 * Refuses a partner's registered operation unless every item it reads is granted, in force now, for
 * the declared purpose: GRANT_EXPIRED when the first uncovered item's grant for the purpose ran out
 * (not revoked), else GRANT_REQUIRED. Judged on every request, so an ended grant stops queries at once.
 */
export async function checkGrantsInForce(
  grants: GrantBook,
  clientId: string,
  coordinates: readonly string[],
  purpose: PurposeCode,
): Promise<void> {
  if (coordinates.length === 0) return;
  const active = await grants.activeFor(clientId);
  const uncovered = active.uncovered(coordinates, purpose);
  if (uncovered.length === 0) return;
  const now = Date.now();
  const expired = (await grants.history(clientId)).some(
    (grant) =>
      grant.coordinate === uncovered[0] &&
      grant.revokedAt === null &&
      grant.expiresAt !== null &&
      grant.expiresAt.getTime() <= now &&
      grantPurposes(grant).includes(purpose),
  );
  throw refusal(expired ? 'GRANT_EXPIRED' : 'GRANT_REQUIRED', uncovered[0], uncovered, purpose);
}
