import { OperationTypeNode, type GraphQLSchema } from 'graphql';
import { LRUCache } from 'lru-cache';
import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';
import type { PurposeCode } from '../../../platform/auth/purpose';
import type { Logger } from '../../../platform/observability/logger';
import type { OperationLimits } from '../../protection/operation-limits';
import { documentHash, type PersistedOperation } from '../../protection/persisted-operations';
import type { Catalogue } from '../catalogue/catalogue';
import type { GrantBook } from '../grants/grant-book';
import { checkGrantsInForce } from './grants-in-force';
import { checkOperationDocument, OperationDocumentProblem } from './operation-document';
import { OPERATION_ERRORS } from './operations.errors';
import { RegisteredOperation } from './registered-operation.entity';
import { seedGrantsFor } from './seed-grants';

/** Who registered the files of gateway/persisted-operations (the seed data). */
export const SEED_REGISTRANT = 'seed';

// Rows in force for a hash are read at most this often per replica: a registration or retirement made
// on another replica is seen within this time; on this one at once.
const CACHE_MS = 2_000;

export interface OperationRegistryOptions {
  dataSource: () => DataSource;
  grants: GrantBook;
  /** The catalogue in force (read on each use: it follows the supergraph). */
  catalogue: () => Catalogue;
  logger: Logger;
  /** The seed operations (gateway/persisted-operations), registered at start by `seed`. */
  seeds: readonly PersistedOperation[];
  /** Seed grants for the coordinates the seed queries read (the demo clients), outside production. */
  seedGrants: boolean;
  /**
   * The data categories each client holds in the realm file (its seed). A seed grant never reaches beyond
   * them: a seed operation reading another category's items is refused GRANT_REQUIRED until granted.
   */
  seedCategories: (clientId: string) => ReadonlySet<string>;
  /** The gateway's operation limits, which a registered operation keeps to. */
  limits?: OperationLimits;
}

/** The outcome of a registration: the version in force, and whether it is new. */
export interface Registration {
  operation: RegisteredOperation;
  created: boolean;
}

/**
 * Partners' operations registered at run time (接口注册), in the gateway's database, versioned and
 * shared by every replica. A machine client runs only the versions in force registered for it; a
 * hash this replica has not seen is read through from the database.
 */
export class OperationRegistry {
  private schema: GraphQLSchema | null = null;
  private seeding: Promise<void> | null = null;
  private readonly byHash = new LRUCache<string, { readAt: number; rows: Promise<RegisteredOperation[]> }>({
    max: 5_000,
  });
  // Documents of the hashes read, kept longer than the rows: the audit record names what ran.
  private readonly documents = new LRUCache<string, string>({ max: 5_000 });

  constructor(private readonly options: OperationRegistryOptions) {}

  /** Called with each API schema the gateway loads; the first one seeds the table. */
  useSchema(apiSchema: GraphQLSchema): void {
    this.schema = apiSchema;
    this.ready().catch((error: unknown) =>
      this.options.logger.warn('seed operations not registered yet; retried on the next request', {
        error: String(error),
      }),
    );
  }

  /** Resolves once the seed data is in the table (retried after a failure, e.g. the database was down). */
  ready(): Promise<void> {
    if (!this.schema) return Promise.resolve();
    if (!this.seeding) {
      this.seeding = this.seed(this.schema);
      this.seeding.catch(() => (this.seeding = null));
    }
    return this.seeding;
  }

  /** The version in force registered for `clientId` with this hash, if any. */
  async allowed(clientId: string, sha256: string): Promise<RegisteredOperation | undefined> {
    const rows = await this.inForce(sha256);
    return rows.find((operation) => operation.clientId === clientId);
  }

  /** Refuses (FORBIDDEN) unless the client's grants in force cover what the operation reads for the purpose. */
  checkGrants(clientId: string, operation: { coordinates: string }, purpose: PurposeCode): Promise<void> {
    const coordinates = operation.coordinates ? operation.coordinates.split(',') : [];
    return checkGrantsInForce(this.options.grants, clientId, coordinates, purpose);
  }

  /** The document of a registered operation in force with this hash (read through on a miss). */
  async document(sha256: string): Promise<string | undefined> {
    return (await this.inForce(sha256))[0]?.document;
  }

  /** What this replica last read for the hash, without waiting (the audit record's document). */
  cachedDocument(sha256: string): string | undefined {
    return this.documents.get(sha256) ?? this.options.seeds.find((seed) => seed.sha256 === sha256)?.document;
  }

  private async inForce(sha256: string): Promise<RegisteredOperation[]> {
    await this.ready();
    const now = Date.now();
    let cached = this.byHash.get(sha256);
    if (!cached || now - cached.readAt > CACHE_MS) {
      const rows = this.options
        .dataSource()
        .getRepository(RegisteredOperation)
        .createQueryBuilder('operation')
        .where('operation.sha256 = :sha256', { sha256 })
        .andWhere('operation.retiredAt IS NULL')
        .getMany();
      cached = { readAt: now, rows };
      this.byHash.set(sha256, cached);
      rows.then(
        (found) => found[0] && this.documents.set(sha256, found[0].document),
        () => this.byHash.delete(sha256),
      );
    }
    return cached.rows;
  }

  /**
   * Registers a query for a partner client: one named query, valid against the current schema, within
   * the operation limits, reading only items granted to the client. The same name again is a new
   * version; the same document as a version in force is that version.
   */
  async register(clientId: string, source: string, registeredBy: string): Promise<Registration> {
    const schema = this.schema;
    if (!schema)
      throw OPERATION_ERRORS.error(
        'SCHEMA_NOT_LOADED',
        '网关尚未加载接口架构，请稍后重试。The gateway has not loaded its schema yet; try again shortly',
      );
    let checked;
    try {
      checked = checkOperationDocument(schema, source, { limits: this.options.limits });
    } catch (error) {
      if (error instanceof OperationDocumentProblem)
        throw OPERATION_ERRORS.error('INVALID_OPERATION', error.message, 'document');
      throw error;
    }
    if (checked.kind !== OperationTypeNode.QUERY)
      throw OPERATION_ERRORS.error(
        'INVALID_OPERATION',
        `合作部门只能注册查询，不能注册 ${checked.kind}。Partners register queries only, not a ${checked.kind}`,
        'document',
      );
    const grants = await this.options.grants.activeFor(clientId);
    const uncovered = grants.uncovered(checked.coordinates);
    if (uncovered.length > 0)
      throw OPERATION_ERRORS.error(
        'OUTSIDE_GRANTS',
        `超出授权范围的数据项：${uncovered[0]}。The operation reads items not granted to ${clientId}: ${uncovered.join(', ')}`,
        'document',
        { coordinates: uncovered },
      );
    const operation = {
      clientId,
      name: checked.name,
      document: source,
      coordinates: checked.coordinates,
      registeredBy,
    };
    const registration = await this.withRetry(() =>
      this.options.dataSource().transaction((manager) => this.addVersion(manager, operation)),
    );
    this.byHash.delete(registration.operation.sha256);
    return registration;
  }

  // Two registrations of one name at once both take the next version; the unique index refuses the
  // second, which then reads again and takes the one after (or finds its document already there).
  private async withRetry<TResult>(work: () => Promise<TResult>): Promise<TResult> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await work();
      } catch (error) {
        if (!(error instanceof QueryFailedError) || attempt >= 3) throw error;
      }
    }
  }

  private async addVersion(
    manager: EntityManager,
    operation: { clientId: string; name: string; document: string; coordinates: string[]; registeredBy: string },
  ): Promise<Registration> {
    const repository = manager.getRepository(RegisteredOperation);
    const sha256 = documentHash(operation.document);
    const versions = await repository.find({
      where: { clientId: operation.clientId, name: operation.name },
      order: { version: 'DESC' },
    });
    const same = versions.find((version) => version.sha256 === sha256 && version.retiredAt === null);
    if (same) return { operation: same, created: false };
    const saved = await repository.save(
      repository.create({
        clientId: operation.clientId,
        name: operation.name,
        version: (versions[0]?.version ?? 0) + 1,
        document: operation.document,
        sha256,
        coordinates: operation.coordinates.join(','),
        registeredBy: operation.registeredBy,
        registeredAt: new Date(),
        retiredAt: null,
        retiredBy: null,
      }),
    );
    return { operation: saved, created: true };
  }

  /** Retires one version, or every version in force of the name when none is given; refused at once here. */
  async retire(
    clientId: string,
    name: string,
    version: number | null,
    retiredBy: string,
  ): Promise<RegisteredOperation[]> {
    const retired = await this.options.dataSource().transaction(async (manager) => {
      const repository = manager.getRepository(RegisteredOperation);
      const rows = await repository.find({ where: { clientId, name }, order: { version: 'ASC' } });
      const chosen = rows.filter((row) => row.retiredAt === null && (version === null || row.version === version));
      if (chosen.length === 0)
        throw OPERATION_ERRORS.error(
          'OPERATION_NOT_FOUND',
          `没有在用的注册接口 ${name}${version === null ? '' : ` 第 ${version} 版`}。No version in force of ${name}${version === null ? '' : ` version ${version}`} for ${clientId}`,
        );
      const at = new Date();
      for (const row of chosen) {
        row.retiredAt = at;
        row.retiredBy = retiredBy;
        await repository.update({ id: row.id }, { retiredAt: at, retiredBy });
      }
      return chosen;
    });
    for (const row of retired) this.byHash.delete(row.sha256);
    return retired;
  }

  /** Every version registered for a client, newest first within each name. */
  list(clientId: string): Promise<RegisteredOperation[]> {
    return this.options
      .dataSource()
      .getRepository(RegisteredOperation)
      .find({ where: { clientId }, order: { name: 'ASC', version: 'DESC' } });
  }

  /** Every version in force, of every client (the operation check of composition). */
  allInForce(): Promise<RegisteredOperation[]> {
    return this.options
      .dataSource()
      .getRepository(RegisteredOperation)
      .createQueryBuilder('operation')
      .where('operation.retiredAt IS NULL')
      .orderBy('operation.clientId')
      .addOrderBy('operation.name')
      .addOrderBy('operation.version')
      .getMany();
  }

  /**
   * Registers the seed files by `seed`, idempotently: a file already registered (in force or retired
   * by an administrator) is left as it is; a changed file is a new version and retires the seed's
   * older ones. Seed grants follow when enabled.
   */
  private async seed(schema: GraphQLSchema): Promise<void> {
    const { seeds, logger } = this.options;
    const catalogue = this.options.catalogue();
    for (const seed of seeds) {
      let coordinates: string[] = [];
      let isQuery = false;
      try {
        const checked = checkOperationDocument(schema, seed.document);
        coordinates = checked.coordinates;
        isQuery = checked.kind === OperationTypeNode.QUERY;
      } catch (error) {
        logger.warn('seed operation does not fit the schema', {
          clientId: seed.clientId,
          name: seed.name,
          error: error instanceof Error ? error.message : String(error),
        });
      }
      await this.options.dataSource().transaction(async (manager) => {
        const repository = manager.getRepository(RegisteredOperation);
        const known = await repository.findOneBy({ clientId: seed.clientId, name: seed.name, sha256: seed.sha256 });
        if (known) return;
        const { operation } = await this.addVersion(manager, {
          clientId: seed.clientId,
          name: seed.name,
          document: seed.document,
          coordinates,
          registeredBy: SEED_REGISTRANT,
        });
        const older = await repository.find({
          where: { clientId: seed.clientId, name: seed.name, registeredBy: SEED_REGISTRANT },
        });
        for (const row of older.filter((row) => row.id !== operation.id && row.retiredAt === null))
          await repository.update({ id: row.id }, { retiredAt: new Date(), retiredBy: SEED_REGISTRANT });
      });
      if (isQuery && this.options.seedGrants)
        await seedGrantsFor(this.options.grants, catalogue, seed.clientId, coordinates, this.options.dataSource(), {
          categories: this.options.seedCategories(seed.clientId),
        });
    }
    this.byHash.clear();
    logger.info('seed operations registered', { operations: seeds.length });
  }
}
