import type { DataSource } from 'typeorm';
import { PurposeCode } from '../../../platform/auth/purpose';
import type { Catalogue } from '../catalogue/catalogue';
import { DataGrant } from '../grants/data-grant.entity';
import type { GrantBook } from '../grants/grant-book';

/** Who granted the demo clients' items their seed operations read. */
export const SEED_GRANTOR = 'seed';

/** The purposes the demo partner declares (its tests and the README's walk-through). */
export const SEED_PURPOSES: readonly PurposeCode[] = [
  PurposeCode.JOINT_DISCIPLINE,
  PurposeCode.CREDIT_ASSESSMENT,
  PurposeCode.INVESTMENT_APPROVAL,
  PurposeCode.STATISTICAL_ANALYSIS,
];

// Department and category of an item the catalogue does not list (it is not loaded yet): named as such.
const UNLISTED = 'unlisted';

/**
 * Grants a demo client the items its seed queries read, once: an item that ever had a seed grant for
 * the client (in force, expired or revoked) is not granted again, so a revocation outlives a restart.
 * Outside production only: in production every grant comes from a request and its approval.
 */
export async function seedGrantsFor(
  grants: GrantBook,
  catalogue: Catalogue,
  clientId: string,
  coordinates: readonly string[],
  dataSource: DataSource,
): Promise<number> {
  const seeded = await dataSource
    .getRepository(DataGrant)
    .find({ where: { clientId, grantedBy: SEED_GRANTOR }, select: { coordinate: true } });
  const had = new Set(seeded.map((grant) => grant.coordinate));
  let added = 0;
  for (const coordinate of coordinates.filter((wanted) => !had.has(wanted))) {
    const item = catalogue.item(coordinate);
    await grants.record({
      clientId,
      coordinate,
      department: item?.department ?? UNLISTED,
      category: item?.category ?? UNLISTED,
      purposes: SEED_PURPOSES,
      grantedBy: SEED_GRANTOR,
    });
    added += 1;
  }
  return added;
}
