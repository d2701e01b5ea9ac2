import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { PAGE_DESCRIPTIONS, type PageArguments } from '../paging/cursor-page';

// The type-graphql side of Relay connections; the paging itself is plain (platform/paging) so code
// without type-graphql (the gateway) pages the same way.
export {
  DEFAULT_PAGE_SIZE,
  MAX_PAGE_SIZE,
  encodeCursor,
  pageRequest,
  toConnection,
  type Connection,
  type Edge,
  type PageRequest,
} from '../paging/cursor-page';

@Directive('@shareable')
@ObjectType({ description: PAGE_DESCRIPTIONS.pageInfo })
export class PageInfo {
  @Field({ description: PAGE_DESCRIPTIONS.hasNextPage })
  hasNextPage: boolean;

  @Field({ description: PAGE_DESCRIPTIONS.hasPreviousPage })
  hasPreviousPage: boolean;

  @Field(() => String, { nullable: true, description: PAGE_DESCRIPTIONS.startCursor })
  startCursor: string | null;

  @Field(() => String, { nullable: true, description: PAGE_DESCRIPTIONS.endCursor })
  endCursor: string | null;
}

@ArgsType()
export class PageArgs implements PageArguments {
  @Field(() => Int, { nullable: true, description: PAGE_DESCRIPTIONS.first })
  first?: number | null;

  @Field(() => String, { nullable: true, description: PAGE_DESCRIPTIONS.after })
  after?: string | null;
}

/**
 * Declares `<Name>Connection` and `<Name>Edge` object types for a node type:
 * `@ObjectType() class PermitConnection extends ConnectionType(Permit, 'Permit') {}` is not needed,
 * the returned class is the GraphQL type itself.
 */
export function ConnectionType<TNode extends object>(nodeType: ClassType<TNode>, name: string, description: string) {
  @ObjectType(`${name}Edge`, { description: PAGE_DESCRIPTIONS.edge(description) })
  class EdgeType {
    @Field({ description: PAGE_DESCRIPTIONS.cursor })
    cursor: string;

    @Field(() => nodeType, { description: PAGE_DESCRIPTIONS.node(description) })
    node: TNode;
  }

  @ObjectType(`${name}Connection`, { description: PAGE_DESCRIPTIONS.connection(description) })
  class ConnectionClass {
    @Field(() => Int, { description: PAGE_DESCRIPTIONS.totalCount })
    totalCount: number;

    @Field(() => [EdgeType], { description: PAGE_DESCRIPTIONS.edges })
    edges: EdgeType[];

    @Field(() => PageInfo, { description: PAGE_DESCRIPTIONS.connectionPageInfo })
    pageInfo: PageInfo;
  }
  return ConnectionClass;
}
