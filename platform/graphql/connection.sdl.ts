import { PAGE_DESCRIPTIONS } from '../paging/cursor-page';

// Relay connections for subgraphs written as SDL (no type-graphql): the same types, arguments and
// descriptions as platform/graphql/connection.ts declares with decorators, so both compose as one.

function block(text: string, indent = ''): string {
  return `${indent}"""${text}"""`;
}

/** `PageInfo`, shared (`@shareable`) by every subgraph that pages. */
export const PAGE_INFO_TYPE_DEFS = `
${block(PAGE_DESCRIPTIONS.pageInfo)}
type PageInfo @shareable {
${block(PAGE_DESCRIPTIONS.hasNextPage, '  ')}
  hasNextPage: Boolean!
${block(PAGE_DESCRIPTIONS.hasPreviousPage, '  ')}
  hasPreviousPage: Boolean!
${block(PAGE_DESCRIPTIONS.startCursor, '  ')}
  startCursor: String
${block(PAGE_DESCRIPTIONS.endCursor, '  ')}
  endCursor: String
}
`;

/** The `first` and `after` arguments of a paged field, to put inside its argument list. */
export const PAGE_ARGUMENTS = `
${block(PAGE_DESCRIPTIONS.first, '    ')}
    first: Int
${block(PAGE_DESCRIPTIONS.after, '    ')}
    after: String
`;

/**
 * `<name>Connection` and `<name>Edge` over the node type `name`; `item` says what one node is, and
 * `description` replaces the connection's generic one.
 */
export function connectionTypeDefs(
  name: string,
  item: string,
  description = PAGE_DESCRIPTIONS.connection(item),
): string {
  return `
${block(description)}
type ${name}Connection {
${block(PAGE_DESCRIPTIONS.totalCount, '  ')}
  totalCount: Int!
${block(PAGE_DESCRIPTIONS.edges, '  ')}
  edges: [${name}Edge!]!
${block(PAGE_DESCRIPTIONS.connectionPageInfo, '  ')}
  pageInfo: PageInfo!
}

${block(PAGE_DESCRIPTIONS.edge(item))}
type ${name}Edge {
${block(PAGE_DESCRIPTIONS.cursor, '  ')}
  cursor: String!
${block(PAGE_DESCRIPTIONS.node(item), '  ')}
  node: ${name}!
}
`;
}
