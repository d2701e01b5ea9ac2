import type { DataSource, EntityManager } from 'typeorm';
import type { PurposeCode } from '../../../platform/auth/purpose';
import { DataGrant } from './data-grant.entity';

/** A new grant of one catalogue item to a partner client. */
export interface NewGrant {
  clientId: string;
  coordinate: string;
  /** The owning department and data category, as the catalogue gives them for the item. */
  department: string;
  category: string;
  purposes: readonly PurposeCode[];
  grantedBy: string;
  requestId?: number | null;
  expiresAt?: Date | null;
}

/** The grants of one client in force at one moment. */
export class ActiveGrants {
  private readonly byCoordinate = new Map<string, DataGrant[]>();

  constructor(
    readonly clientId: string,
    readonly grants: readonly DataGrant[],
  ) {
    for (const grant of grants) {
      const same = this.byCoordinate.get(grant.coordinate) ?? [];
      same.push(grant);
      this.byCoordinate.set(grant.coordinate, same);
    }
  }

  /** True when the item is granted, for `purpose` when one is given. */
  covers(coordinate: string, purpose?: PurposeCode | null): boolean {
    const grants = this.byCoordinate.get(coordinate);
    if (!grants) return false;
    return !purpose || grants.some((grant) => grantPurposes(grant).includes(purpose));
  }

  /** The coordinates of `wanted` not granted (for `purpose`), in the order given. */
  uncovered(wanted: Iterable<string>, purpose?: PurposeCode | null): string[] {
    return [...wanted].filter((coordinate) => !this.covers(coordinate, purpose));
  }

  /** The data categories the grants in force need (the client's `category:<name>` scopes). */
  categories(): Set<string> {
    return new Set(this.grants.map((grant) => grant.category));
  }

  /** Every purpose some grant allows. */
  purposes(): Set<PurposeCode> {
    return new Set(this.grants.flatMap(grantPurposes));
  }
}

/** The purposes a grant allows. */
export function grantPurposes(grant: DataGrant): PurposeCode[] {
  return grant.purposes.split(',') as PurposeCode[];
}

/** True while a grant is neither revoked nor expired at `at`. */
export function inForce(grant: DataGrant, at = new Date()): boolean {
  return grant.revokedAt === null && (grant.expiresAt === null || grant.expiresAt.getTime() > at.getTime());
}

// Unexpired, unrevoked rows are read at most this often per client per gateway replica; expiry is
// judged on every call against the clock, so an expired grant stops at once. A revocation made on
// another replica is seen within this time; on this one at once.
const CACHE_MS = 2_000;

/**
 * Partner clients' grants of catalogue items (数据共享授权), in the gateway's database, shared by
 * every replica. Grants are recorded and revoked, never changed or deleted.
 */
export class GrantBook {
  private readonly cache = new Map<string, { readAt: number; rows: Promise<DataGrant[]> }>();
  private readonly listeners: Array<(clientId: string) => void> = [];

  constructor(private readonly dataSource: () => DataSource) {}

  /**
   * Hears of every grant recorded or revoked through this book (e.g. the identity provider's sync). Told
   * after the write; inside a caller's transaction that is before the commit.
   */
  onChange(listener: (clientId: string) => void): void {
    this.listeners.push(listener);
  }

  private changed(clientId: string): void {
    this.cache.delete(clientId);
    for (const listener of this.listeners) listener(clientId);
  }

  async record(grant: NewGrant, manager?: EntityManager): Promise<DataGrant> {
    const repository = (manager ?? this.dataSource().manager).getRepository(DataGrant);
    const saved = await repository.save(
      repository.create({
        clientId: grant.clientId,
        coordinate: grant.coordinate,
        department: grant.department,
        category: grant.category,
        purposes: [...new Set(grant.purposes)].sort().join(','),
        grantedBy: grant.grantedBy,
        requestId: grant.requestId ?? null,
        grantedAt: new Date(),
        expiresAt: grant.expiresAt ?? null,
        revokedAt: null,
        revokedBy: null,
        revokeReason: null,
      }),
    );
    this.changed(grant.clientId);
    return saved;
  }

  /** Ends a grant now; false when it was not in force. */
  async revoke(id: number, by: string, reason: string | null = null, manager?: EntityManager): Promise<boolean> {
    const repository = (manager ?? this.dataSource().manager).getRepository(DataGrant);
    const grant = await repository.findOneBy({ id });
    if (!grant || !inForce(grant, new Date())) return false;
    await repository.update({ id }, { revokedAt: new Date(), revokedBy: by, revokeReason: reason });
    this.changed(grant.clientId);
    return true;
  }

  /** The client's grants in force at `at` (now by default). */
  async activeFor(clientId: string, at = new Date()): Promise<ActiveGrants> {
    const now = Date.now();
    let cached = this.cache.get(clientId);
    if (!cached || now - cached.readAt > CACHE_MS) {
      const rows = this.dataSource()
        .getRepository(DataGrant)
        .createQueryBuilder('grant')
        .where('grant.clientId = :clientId', { clientId })
        .andWhere('grant.revokedAt IS NULL')
        .getMany();
      cached = { readAt: now, rows };
      this.cache.set(clientId, cached);
      rows.catch(() => this.cache.delete(clientId));
    }
    const rows = await cached.rows;
    return new ActiveGrants(
      clientId,
      rows.filter((grant) => inForce(grant, at)),
    );
  }

  /** Every grant of a client (in force or ended), newest first. */
  history(clientId: string): Promise<DataGrant[]> {
    return this.dataSource()
      .getRepository(DataGrant)
      .find({ where: { clientId }, order: { id: 'DESC' } });
  }

  /** Every client that has or had a grant. */
  async clientsWithGrants(): Promise<string[]> {
    const rows = await this.dataSource()
      .getRepository(DataGrant)
      .createQueryBuilder('grant')
      .select('DISTINCT grant.clientId', 'clientId')
      .getRawMany<{ clientId: string }>();
    return rows.map((row) => row.clientId);
  }

  /** Forgets what was read, so the next call reads the database (after a change made elsewhere). */
  forget(clientId?: string): void {
    if (clientId) this.cache.delete(clientId);
    else this.cache.clear();
  }
}
