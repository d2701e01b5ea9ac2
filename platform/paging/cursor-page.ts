import { invalidInput } from '../errors/domain-error';

// Relay cursor pages without any schema library: the gateway's audit subgraph (SDL) and the
// department subgraphs (type-graphql, platform/graphql/connection.ts) page the same way.

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** The texts a page's types and arguments publish, one copy for both schema styles. */
export const PAGE_DESCRIPTIONS = {
  pageInfo: 'Where a page of a list stands (Relay cursor connections).',
  hasNextPage: 'True when more items follow this page.',
  hasPreviousPage: 'True when this page was fetched with `after`, so items precede it.',
  startCursor: 'Cursor of the first item on this page.',
  endCursor: 'Cursor of the last item; pass it as `after` for the next page.',
  first: `How many items to return (1-${MAX_PAGE_SIZE}, default ${DEFAULT_PAGE_SIZE}).`,
  after: 'Return the items after this cursor.',
  edge: (item: string) => `One ${item} in a list, with its cursor.`,
  cursor: 'Opaque position of this item; pass it as `after` to continue.',
  node: (item: string) => `The ${item}.`,
  connection: (item: string) => `A page of ${item} items.`,
  totalCount: 'How many items the whole list holds, across all pages.',
  edges: 'The items of this page.',
  connectionPageInfo: 'Cursors and whether more pages exist.',
} as const;

/** A page as a client asks for it (`first`, `after`). */
export interface PageArguments {
  first?: number | null;
  after?: string | null;
}

/** A validated page request: items are ordered newest first by id, `afterId` excludes up to and including it. */
export interface PageRequest {
  limit: number;
  afterId: number | null;
}

export interface PageInfoValues {
  hasNextPage: boolean;
  hasPreviousPage: boolean;
  startCursor: string | null;
  endCursor: string | null;
}

export interface Edge<TNode> {
  cursor: string;
  node: TNode;
}

export interface Connection<TNode> {
  totalCount: number;
  edges: Edge<TNode>[];
  pageInfo: PageInfoValues;
}

const CURSOR_PREFIX = 'c1:';

export function encodeCursor(id: number): string {
  return Buffer.from(`${CURSOR_PREFIX}${id}`).toString('base64url');
}

export function pageRequest(args: PageArguments): PageRequest {
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
