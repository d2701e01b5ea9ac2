import {
  GraphQLError,
  getNamedType,
  isInterfaceType,
  isIntrospectionType,
  isObjectType,
  Kind,
  Lexer,
  OperationTypeNode,
  parse,
  Source,
  TokenKind,
  valueFromASTUntyped,
  type ArgumentNode,
  type DirectiveNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../../platform/paging/cursor-page';

/** What one request may ask of the gateway; every limit is checked before any other work is done for it. */
export interface OperationLimits {
  maxDocumentBytes: number;
  maxTokens: number;
  maxOperations: number;
  maxFragments: number;
  maxDirectivesPerField: number;
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxVariablesBytes: number;
  maxVariableValues: number;
}

// How each limit is named in a refusal (`extensions.limit`), in Chinese for officers, and the setting that changes it.
const LIMIT_NAMES: Record<keyof OperationLimits, { limit: string; chinese: string; setting: string }> = {
  maxDocumentBytes: { limit: 'document size', chinese: '文档大小（字节）', setting: 'GATEWAY_MAX_DOCUMENT_BYTES' },
  maxTokens: { limit: 'token count', chinese: '词法单元数', setting: 'GATEWAY_MAX_TOKENS' },
  maxOperations: { limit: 'operation count', chinese: '操作数', setting: 'GATEWAY_MAX_OPERATIONS' },
  maxFragments: { limit: 'fragment count', chinese: '片段数', setting: 'GATEWAY_MAX_FRAGMENTS' },
  maxDirectivesPerField: {
    limit: 'directives per field',
    chinese: '单个字段的指令数',
    setting: 'GATEWAY_MAX_DIRECTIVES_PER_FIELD',
  },
  maxDepth: { limit: 'depth', chinese: '嵌套深度', setting: 'GATEWAY_MAX_DEPTH' },
  maxAliases: { limit: 'alias count', chinese: '别名数', setting: 'GATEWAY_MAX_ALIASES' },
  maxCost: { limit: 'cost', chinese: '查询成本', setting: 'GATEWAY_MAX_COST' },
  maxVariablesBytes: { limit: 'variables size', chinese: '变量大小（字节）', setting: 'GATEWAY_MAX_VARIABLES_BYTES' },
  maxVariableValues: { limit: 'variable values', chinese: '变量值个数', setting: 'GATEWAY_MAX_VARIABLE_VALUES' },
};

/**
 * OPERATION_LIMIT_EXCEEDED naming the limit. Checks stop as soon as a limit is passed, so `actual` is
 * what had been counted by then: at least that much, not necessarily all of it.
 */
export function limitExceeded(key: keyof OperationLimits, max: number, actual: number): GraphQLError {
  const { limit, chinese, setting } = LIMIT_NAMES[key];
  return new GraphQLError(
    `请求超出网关限制：${chinese}超过上限 ${max}（${setting}），请减少单次请求的内容。` +
      `The operation's ${limit} exceeds the limit of ${max} (${setting}); ask for less in one request`,
    {
      extensions: {
        code: 'OPERATION_LIMIT_EXCEEDED',
        reason: 'OPERATION_LIMIT_EXCEEDED',
        limit,
        setting,
        max,
        actual: Math.min(actual, Number.MAX_SAFE_INTEGER),
        http: { status: 400 },
      },
    },
  );
}

/** Depth, aliases and cost of a selection set, fragments expanded. */
export interface Measure {
  depth: number;
  aliases: number;
  cost: number;
}

const NOTHING: Measure = { depth: 0, aliases: 0, cost: 0 };

function rootType(schema: GraphQLSchema, operation: OperationDefinitionNode): GraphQLNamedType | undefined {
  const root =
    operation.operation === OperationTypeNode.MUTATION
      ? schema.getMutationType()
      : operation.operation === OperationTypeNode.SUBSCRIPTION
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  return root ?? undefined;
}

/**
 * One pass over a parsed document. Each named fragment is measured once and its measure reused at
 * every spread, so the work is linear in the document even when the expanded operation is exponential
 * (fragments spreading fragments twice over); each sum is checked as soon as it grows, so the walk
 * stops at the first limit passed. Every selection counts, `__typename` and other introspection
 * fields included; only depth inside introspection types (`__schema { types { fields ... } } }`) is
 * left to graphql's own introspection depth rule, so schema tools work where introspection is on.
 */
class DocumentWalk {
  private readonly measured = new Map<string, Measure | 'measuring'>();

  constructor(
    private readonly schema: GraphQLSchema,
    private readonly fragments: Map<string, FragmentDefinitionNode>,
    private readonly variables: Record<string, unknown>,
    private readonly limits: OperationLimits,
  ) {}

  operation(operation: OperationDefinitionNode): Measure {
    this.directives(operation.directives);
    for (const definition of operation.variableDefinitions ?? []) this.directives(definition.directives);
    return this.selectionSet(operation.selectionSet, rootType(this.schema, operation), 0);
  }

  private directives(directives: readonly DirectiveNode[] | undefined): void {
    const count = directives?.length ?? 0;
    if (count > this.limits.maxDirectivesPerField)
      throw limitExceeded('maxDirectivesPerField', this.limits.maxDirectivesPerField, count);
  }

  /** How many items a connection field asks for: its `first` argument, else the default page size. */
  private pageSize(argumentsOfField: readonly ArgumentNode[]): number {
    const first = argumentsOfField.find((argument) => argument.name.value === 'first');
    if (!first) return DEFAULT_PAGE_SIZE;
    const value = valueFromASTUntyped(first.value, this.variables);
    return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : DEFAULT_PAGE_SIZE;
  }

  private fragment(name: string, depthAbove: number): Measure {
    const known = this.measured.get(name);
    // A fragment that spreads itself is refused by validation (NoFragmentCycles); it adds nothing here.
    if (known === 'measuring') return NOTHING;
    if (known) {
      if (depthAbove + known.depth > this.limits.maxDepth)
        throw limitExceeded('maxDepth', this.limits.maxDepth, depthAbove + known.depth);
      return known;
    }
    const definition = this.fragments.get(name);
    if (!definition) return NOTHING;
    this.measured.set(name, 'measuring');
    const type = this.schema.getType(definition.typeCondition.name.value);
    const measure = this.selectionSet(definition.selectionSet, type, depthAbove);
    this.measured.set(name, measure);
    return measure;
  }

  /**
   * Every field costs 1; a connection field's selections are paid once per item it may return
   * (`first`), so `enterprises(first: 100) { permits(first: 100) }` costs about ten thousand.
   */
  private selectionSet(set: SelectionSetNode, parentType: GraphQLNamedType | undefined, depthAbove: number): Measure {
    const limits = this.limits;
    let depth = 0;
    let aliases = 0;
    let cost = 0;
    for (const selection of set.selections) {
      this.directives(selection.directives);
      let inner: Measure;
      if (selection.kind === Kind.FRAGMENT_SPREAD) {
        inner = this.fragment(selection.name.value, depthAbove);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const typeName = selection.typeCondition?.name.value;
        const type = typeName ? (this.schema.getType(typeName) ?? parentType) : parentType;
        inner = this.selectionSet(selection.selectionSet, type, depthAbove);
      } else {
        const field =
          parentType && (isObjectType(parentType) || isInterfaceType(parentType))
            ? parentType.getFields()[selection.name.value]
            : undefined;
        const fieldType = field ? getNamedType(field.type) : undefined;
        const introspection =
          (parentType && isIntrospectionType(parentType)) || (fieldType && isIntrospectionType(fieldType));
        const level = introspection ? 0 : 1;
        if (depthAbove + level > limits.maxDepth) throw limitExceeded('maxDepth', limits.maxDepth, depthAbove + level);
        const below = selection.selectionSet
          ? this.selectionSet(selection.selectionSet, fieldType, depthAbove + level)
          : NOTHING;
        const multiplier = fieldType?.name.endsWith('Connection') ? this.pageSize(selection.arguments ?? []) : 1;
        inner = {
          depth: level + below.depth,
          aliases: (selection.alias ? 1 : 0) + below.aliases,
          cost: 1 + multiplier * below.cost,
        };
      }
      depth = Math.max(depth, inner.depth);
      aliases += inner.aliases;
      cost += inner.cost;
      if (aliases > limits.maxAliases) throw limitExceeded('maxAliases', limits.maxAliases, aliases);
      if (cost > limits.maxCost) throw limitExceeded('maxCost', limits.maxCost, cost);
    }
    return { depth, aliases, cost };
  }
}

/** Tokens in a document, counted without parsing it and only up to one past `max`; null when it does not lex. */
export function countTokens(source: string, max: number): number | null {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    while (lexer.advance().kind !== TokenKind.EOF) {
      count += 1;
      if (count > max) return count;
    }
  } catch {
    return null;
  }
  return count;
}

/**
 * A document's size and its token count, checked before it is parsed, then the document parsed.
 * Returns null when it does not parse (the GraphQL server then answers GRAPHQL_PARSE_FAILED, having as
 * little to read as this check had).
 */
export function parseWithinLimits(
  source: string,
  limits: Pick<OperationLimits, 'maxDocumentBytes' | 'maxTokens'>,
): DocumentNode | null {
  // UTF-8 needs at least one byte per UTF-16 unit: the length alone refuses most oversized documents.
  if (source.length > limits.maxDocumentBytes)
    throw limitExceeded('maxDocumentBytes', limits.maxDocumentBytes, source.length);
  const bytes = Buffer.byteLength(source, 'utf8');
  if (bytes > limits.maxDocumentBytes) throw limitExceeded('maxDocumentBytes', limits.maxDocumentBytes, bytes);
  const tokens = countTokens(source, limits.maxTokens);
  if (tokens === null) return null;
  if (tokens > limits.maxTokens) throw limitExceeded('maxTokens', limits.maxTokens, tokens);
  try {
    return parse(source, { noLocation: true, maxTokens: limits.maxTokens });
  } catch {
    return null;
  }
}

/**
 * A parsed document's number of operations and fragments, then one linear walk for directives per
 * field, depth, aliases and cost of every operation in it (all of them are validated, not only the
 * one asked for).
 */
export function checkParsedDocument(
  document: DocumentNode,
  schema: GraphQLSchema,
  variables: Record<string, unknown>,
  limits: OperationLimits,
): void {
  const operations: OperationDefinitionNode[] = [];
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) {
      operations.push(definition);
      if (operations.length > limits.maxOperations)
        throw limitExceeded('maxOperations', limits.maxOperations, operations.length);
    } else if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition);
      if (fragments.size > limits.maxFragments)
        throw limitExceeded('maxFragments', limits.maxFragments, fragments.size);
    }
  }
  const walk = new DocumentWalk(schema, fragments, variables, limits);
  for (const operation of operations) walk.operation(operation);
}

/** Checks a document against every limit, cheapest first; returns it parsed, or null when it does not parse. */
export function checkDocument(
  source: string,
  schema: GraphQLSchema,
  variables: Record<string, unknown>,
  limits: OperationLimits,
): DocumentNode | null {
  const document = parseWithinLimits(source, limits);
  if (document) checkParsedDocument(document, schema, variables, limits);
  return document;
}

/** Depth, aliases and cost of each operation in a parsed document (for tests and tools). */
export function measureDocument(
  document: DocumentNode,
  schema: GraphQLSchema,
  variables: Record<string, unknown>,
  limits: OperationLimits,
): Measure[] {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions)
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const walk = new DocumentWalk(schema, fragments, variables, limits);
  return document.definitions
    .filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => walk.operation(operation));
}
