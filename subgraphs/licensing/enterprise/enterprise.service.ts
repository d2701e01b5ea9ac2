import DataLoader from 'dataloader';
import { In, LessThan, Like, type DataSource, type FindOptionsWhere } from 'typeorm';
import { assertCreditCode, assertRegionCode, assertText } from '../../kit/codes/assert-input';
import { regionScopePrefix } from '../../kit/codes/region-code';
import { inTransaction } from '../../kit/database/data-source.factory';
import { conflict } from '../../kit/errors/domain-error';
import { toConnection, type Connection, type PageRequest } from '../../kit/graphql/connection';
import { Enterprise } from './enterprise.entity';
import type { RegisterEnterpriseInput } from './inputs/register-enterprise.input';

export class EnterpriseService {
  constructor(private readonly dataSource: DataSource) {}

  /** Batches lookups by credit code: one statement per request, however many references arrive. */
  createLoader(): DataLoader<string, Enterprise | null> {
    return new DataLoader(async (creditCodes) => {
      const found = await this.dataSource.getRepository(Enterprise).findBy({ creditCode: In([...creditCodes]) });
      const byCode = new Map(found.map((enterprise) => [enterprise.creditCode, enterprise]));
      return creditCodes.map((code) => byCode.get(code) ?? null);
    });
  }

  async list(regionCode: string | null, page: PageRequest): Promise<Connection<Enterprise>> {
    const where: FindOptionsWhere<Enterprise> = {};
    if (regionCode !== null) {
      assertRegionCode('regionCode', regionCode);
      where.regionCode = Like(`${regionScopePrefix(regionCode)}%`);
    }
    const repository = this.dataSource.getRepository(Enterprise);
    const [rows, totalCount] = await Promise.all([
      repository.find({
        where: page.afterId === null ? where : { ...where, id: LessThan(page.afterId) },
        order: { id: 'DESC' },
        take: page.limit + 1,
      }),
      repository.countBy(where),
    ]);
    return toConnection(rows, totalCount, page);
  }

  async register(input: RegisterEnterpriseInput): Promise<Enterprise> {
    assertCreditCode('creditCode', input.creditCode);
    assertRegionCode('regionCode', input.regionCode);
    const values = {
      creditCode: input.creditCode,
      name: assertText('name', input.name, 200),
      legalRepresentative: assertText('legalRepresentative', input.legalRepresentative, 100),
      regionCode: input.regionCode,
      address: assertText('address', input.address, 300),
      registeredAt: new Date(),
    };
    return inTransaction(this.dataSource, async (manager) => {
      if (await manager.existsBy(Enterprise, { creditCode: input.creditCode })) {
        throw conflict('ENTERPRISE_EXISTS', `Enterprise ${input.creditCode} is already registered`);
      }
      return manager.save(manager.create(Enterprise, values));
    });
  }
}
