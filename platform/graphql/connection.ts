import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { invalidInput } from '../errors/domain-error';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

@Directive('@shareable')
@ObjectType({ description: 'Where a page of a list stands (Relay cursor connections).' })
export class PageInfo {
  @Field({ description: 'True when more items follow this page.' })
  hasNextPage: boolean;

  @Field({ description: 'True when this page was fetched with `after`, so items precede it.' })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: 'Cursor of the first item on this page.' })
  startCursor: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Cursor of the last item; pass it as `after` for the next page.',
  })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `How many items to return (1-${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).`,
  })
  first?: number | null;

  @Field(() => String, { nullable: true, description: 'Return the items after this cursor.' })
  after?: string | null;
}

/** A validated page request: items are ordered newest first by id, `afterId` excludes up to and including it. */
export interface PageRequest {
  limit: number;
  afterId: number | null;
}

const CURSOR_PREFIX = 'c1:';

export function encodeCursor(id: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}`).toString('base64url');
}

export function pageRequest(args: PageArgs): PageRequest {
  const limit = args.first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw invalidInput('first', `must be between 1 and ${MAX_PAGE_SIZE}`);
  }
  if (args.after === undefined || args.after === null) return { limit, afterId: null };
  const decoded = Buffer.from(args.after, 'base64url').toString('utf8');
  const id = Number(decoded.slice(CURSOR_PREFIX.length));
  if (!decoded.startsWith(CURSOR_PREFIX) || !Number.isSafeInteger(id) || id < 1) {
    throw invalidInput('after', 'is not a cursor returned by this list');
  }
  return { limit, afterId: id };
}

export interface Edge<TNode> {
  cursor: string;
  node: TNode;
}

export interface Connection<TNode> {
  totalCount: number;
  edges: Edge<TNode>[];
  pageInfo: PageInfo;
}

/** `rows` holds up to limit + 1 items (the extra one only says a next page exists). */
export function toConnection<TNode extends { id: number }>(
  rows: TNode[],
  totalCount: number,
  page: PageRequest,
): Connection<TNode> {
  const items = rows.slice(0, page.limit);
  const edges = items.map((node) => ({ cursor: encodeCursor(node.id), node }));
  return {
    totalCount,
    edges,
    pageInfo: {
      hasNextPage: rows.length > page.limit,
      hasPreviousPage: page.afterId !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` object types for a node type:
 * `@ObjectType() class PermitConnection extends ConnectionType(Permit, 'Permit') {}` is not needed,
 * the returned class is the GraphQL type itself.
 */
export function ConnectionType<TNode extends object>(nodeType: ClassType<TNode>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: `One ${description} in a list, with its cursor.` })
  class EdgeType {
    @Field({ description: 'Opaque position of this item; pass it as `after` to continue.' })
    cursor: string;

    @Field(() => nodeType, { description: `The ${description}.` })
    node: TNode;
  }

  @ObjectType(`${name}Connection`, { description: `A page of ${description} items.` })
  class ConnectionClass {
    @Field(() => Int, { description: 'How many items the whole list holds, across all pages.' })
    totalCount: number;

    @Field(() => [EdgeType], { description: 'The items of this page.' })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: 'Cursors and whether more pages exist.' })
    pageInfo: PageInfo;
  }
  return ConnectionClass;
}
