import { MapperKind, mapSchema } from '@graphql-tools/utils';
import {
  coerceInputValue,
  GraphQLError,
  isInputType,
  isNonNullType,
  isScalarType,
  isSpecifiedScalarType,
  Kind,
  typeFromAST,
  validate,
  ValuesOfCorrectTypeRule,
  visit,
  type DocumentNode,
  type GraphQLScalarType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { resolvers as scalarImplementations } from 'graphql-scalars';

/** One value a caller sent that its type does not accept, named by its path from the variable or argument. */
export interface InputProblem {
  field: string;
  message: string;
}

const MAX_PROBLEMS_LISTED = 20;

// The subgraphs take their custom scalars from graphql-scalars (type-graphql's DateTimeISO is one of
// them); federation's own join__/link__ scalars never appear in an operation.
const IMPLEMENTATIONS: Record<string, GraphQLScalarType | undefined> = scalarImplementations;

function isFederationScalar(name: string): boolean {
  return name.startsWith('join__') || name.startsWith('link__');
}

/** Custom scalars of a schema that the gateway has no implementation for, so cannot check itself. */
export function uncheckedScalars(schema: GraphQLSchema): string[] {
  return Object.values(schema.getTypeMap())
    .filter((type) => isScalarType(type) && !isSpecifiedScalarType(type) && !isFederationScalar(type.name))
    .map((type) => type.name)
    .filter((name) => !IMPLEMENTATIONS[name]);
}

/**
 * The supergraph's API schema with its custom scalars' real implementations. The gateway's own schema
 * knows only their names and accepts anything for them, so a malformed DateTimeISO used to reach the
 * subgraph; checked against this schema it is refused at the gateway with the value's path.
 */
export function inputCheckingSchema(apiSchema: GraphQLSchema): GraphQLSchema {
  return mapSchema(apiSchema, {
    [MapperKind.SCALAR_TYPE]: (type) => IMPLEMENTATIONS[type.name] ?? type,
  });
}

function pathText(path: readonly (string | number)[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${key}`)).join('');
}

function variableProblems(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): InputProblem[] {
  const problems: InputProblem[] = [];
  for (const definition of operation.variableDefinitions ?? []) {
    const name = definition.variable.name.value;
    const type = typeFromAST(schema, definition.type);
    // Unknown or output types were refused by validation already.
    if (!type || !isInputType(type)) continue;
    const value = variables[name];
    if (value === undefined || value === null) {
      if (isNonNullType(type) && !(value === undefined && definition.defaultValue))
        problems.push({ field: name, message: `a value of type ${String(type)} is required` });
      continue;
    }
    coerceInputValue(value, type, (path, _invalid, error) =>
      problems.push({ field: `${name}${pathText(path)}`, message: error.message }),
    );
  }
  return problems;
}

function literalProblems(schema: GraphQLSchema, document: DocumentNode): InputProblem[] {
  const errors = validate(schema, document, [ValuesOfCorrectTypeRule], { maxErrors: MAX_PROBLEMS_LISTED });
  if (errors.length === 0) return [];
  const paths = new Map<ValueNode, string>();
  const label = (value: ValueNode, path: string) => {
    paths.set(value, path);
    if (value.kind === Kind.OBJECT) for (const field of value.fields) label(field.value, `${path}.${field.name.value}`);
    if (value.kind === Kind.LIST) value.values.forEach((item, index) => label(item, `${path}[${index}]`));
  };
  visit(document, { Argument: (argument) => label(argument.value, argument.name.value) });
  return errors.map((error) => ({
    field: (error.nodes?.[0] && paths.get(error.nodes[0] as ValueNode)) ?? 'input',
    message: error.message,
  }));
}

/**
 * Every variable and literal argument coerced as the subgraph will coerce it, before the operation is
 * planned: a value its type refuses is the caller's mistake (BAD_USER_INPUT, naming the field and
 * listing every such value in `problems`), never a reason to call a subgraph.
 */
export function checkInput(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): void {
  const problems = [...variableProblems(schema, operation, variables), ...literalProblems(schema, document)];
  if (problems.length === 0) return;
  const [first] = problems;
  const others = problems.length - 1;
  throw new GraphQLError(
    `输入值无效：${first.field}（${first.message}）${others > 0 ? `，另有 ${others} 处` : ''}。` +
      `Invalid value at ${first.field}: ${first.message}${others > 0 ? ` (and ${others} more)` : ''}`,
    {
      extensions: {
        code: 'BAD_USER_INPUT',
        reason: 'INVALID_INPUT',
        field: first.field,
        problems: problems.slice(0, MAX_PROBLEMS_LISTED),
        http: { status: 400 },
      },
    },
  );
}
