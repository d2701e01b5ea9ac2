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

/**
 * Grants a demo client the items its seed queries read, once: an item that ever had a seed grant for
 * the client (in force, expired or revoked) is not granted again, so a revocation outlives a restart.
 * Only items of the categories the realm file gives the client (`within.categories`): a seed file never
 * widens what a client may read. Outside production only: in production every grant comes from a
 * request and its approval.
 */
export async function seedGrantsFor(
  grants: GrantBook,
  catalogue: Catalogue,
  clientId: string,
  coordinates: readonly string[],
  dataSource: DataSource,
  within: { categories: ReadonlySet<string> },
): Promise<number> {
  const seeded = await dataSource
    .getRepository(DataGrant)
    .find({ where: { clientId, grantedBy: SEED_GRANTOR }, select: { coordinate: true } });
  const had = new Set(seeded.map((grant) => grant.coordinate));
  let added = 0;
  for (const coordinate of coordinates.filter((wanted) => !had.has(wanted))) {
    const item = catalogue.item(coordinate);
    if (!item || !within.categories.has(item.category)) continue;
    await grants.record({
      clientId,
      coordinate,
      department: item.department,
      category: item.category,
      purposes: SEED_PURPOSES,
      grantedBy: SEED_GRANTOR,
    });
    added += 1;
  }
  return added;
}
