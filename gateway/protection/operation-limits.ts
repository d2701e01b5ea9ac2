import {
  GraphQLError,
  getNamedType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { DEFAULT_PAGE_SIZE } from '../../platform/paging/cursor-page';

export interface OperationLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

export interface OperationMeasure {
  depth: number;
  aliases: number;
  cost: number;
}

interface WalkState {
  schema: GraphQLSchema;
  fragments: Map<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  aliases: number;
}

/** How many items a connection field asks for: its `first` argument, else the default page size. */
function requestedPageSize(
  state: WalkState,
  argumentsOfField: readonly { name: { value: string }; value: Parameters<typeof valueFromASTUntyped>[0] }[],
): number {
  const first = argumentsOfField.find((argument) => argument.name.value === 'first');
  if (!first) return DEFAULT_PAGE_SIZE;
  const value = valueFromASTUntyped(first.value, state.variables);
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : DEFAULT_PAGE_SIZE;
}

/**
 * Depth and cost of a selection set. Every field costs 1; a connection field's selections are paid
 * once per item it may return (`first`), so `enterprises(first: 100) { permits(first: 100) }` costs
 * about ten thousand, not two hundred. Fragments are followed (and a cycle cannot occur: validation
 * rejects fragment cycles before this runs).
 */
function measureSelections(
  state: WalkState,
  selectionSet: SelectionSetNode,
  parentType: GraphQLNamedType | undefined,
  depth: number,
): { depth: number; cost: number } {
  let deepest = depth;
  let cost = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FRAGMENT_SPREAD || selection.kind === Kind.INLINE_FRAGMENT) {
      const fragment = selection.kind === Kind.FRAGMENT_SPREAD ? state.fragments.get(selection.name.value) : selection;
      if (!fragment) continue;
      const typeName = fragment.typeCondition?.name.value;
      const fragmentType = typeName ? (state.schema.getType(typeName) ?? parentType) : parentType;
      const inner = measureSelections(state, fragment.selectionSet, fragmentType, depth);
      deepest = Math.max(deepest, inner.depth);
      cost += inner.cost;
      continue;
    }
    if (selection.name.value.startsWith('__')) continue;
    if (selection.alias) state.aliases += 1;
    const field =
      parentType && (isObjectType(parentType) || isInterfaceType(parentType))
        ? parentType.getFields()[selection.name.value]
        : undefined;
    const fieldType = field ? getNamedType(field.type) : undefined;
    cost += 1;
    if (!selection.selectionSet) {
      deepest = Math.max(deepest, depth + 1);
      continue;
    }
    const inner = measureSelections(state, selection.selectionSet, fieldType, depth + 1);
    deepest = Math.max(deepest, inner.depth);
    const multiplier = fieldType?.name.endsWith('Connection') ? requestedPageSize(state, selection.arguments ?? []) : 1;
    cost += multiplier * inner.cost;
  }
  return { depth: deepest, cost };
}

export function measureOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): OperationMeasure {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const state: WalkState = { schema, fragments, variables, aliases: 0 };
  const rootType =
    operation.operation === 'mutation'
      ? schema.getMutationType()
      : operation.operation === 'subscription'
        ? schema.getSubscriptionType()
        : schema.getQueryType();
  const measured = measureSelections(state, operation.selectionSet, rootType ?? undefined, 0);
  return { depth: measured.depth, aliases: state.aliases, cost: measured.cost };
}

function limitExceeded(limit: string, setting: string, actual: number, max: number): GraphQLError {
  return new GraphQLError(
    `The operation's ${limit} is ${actual}, over the limit of ${max} (${setting}); ask for less in one request`,
    {
      extensions: {
        code: 'OPERATION_LIMIT_EXCEEDED',
        reason: 'OPERATION_LIMIT_EXCEEDED',
        limit,
        max,
        actual,
        http: { status: 400 },
      },
    },
  );
}

/** Throws OPERATION_LIMIT_EXCEEDED naming the first limit the operation breaks. */
export function enforceOperationLimits(measure: OperationMeasure, limits: OperationLimits): void {
  if (measure.depth > limits.maxDepth)
    throw limitExceeded('depth', 'GATEWAY_MAX_DEPTH', measure.depth, limits.maxDepth);
  if (measure.aliases > limits.maxAliases)
    throw limitExceeded('alias count', 'GATEWAY_MAX_ALIASES', measure.aliases, limits.maxAliases);
  if (measure.cost > limits.maxCost) throw limitExceeded('cost', 'GATEWAY_MAX_COST', measure.cost, limits.maxCost);
}

/** True when the operation only asks the schema about itself (allowed only where introspection is on). */
export function isIntrospectionOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (selection) => selection.kind === Kind.FIELD && selection.name.value.startsWith('__'),
  );
}
