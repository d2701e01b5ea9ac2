import { LessThan, type FindOptionsWhere, type ObjectLiteral, type Repository } from 'typeorm';
import { toConnection, type Connection, type PageRequest } from '../graphql/connection';

/** One page of a list, newest first by id, with the list's total: two statements run together. */
export async function listPage<TEntity extends ObjectLiteral & { id: number }>(
  repository: Repository<TEntity>,
  where: FindOptionsWhere<TEntity>,
  page: PageRequest,
): Promise<Connection<TEntity>> {
  const [rows, totalCount] = await Promise.all([
    repository.find({
      where: page.afterId === null ? where : { ...where, id: LessThan(page.afterId) },
      order: { id: 'DESC' } as never,
      take: page.limit + 1,
    }),
    repository.countBy(where),
  ]);
  return toConnection(rows, totalCount, page);
}
