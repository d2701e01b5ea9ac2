import {
  GraphQLError,
  Kind,
  OperationTypeNode,
  parse,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { checkParsedDocument, type OperationLimits } from '../../protection/operation-limits';
import { coordinatesRead } from './operation-coordinates';

/** A document holding one named operation, checked against a schema. */
export interface CheckedOperation {
  name: string;
  kind: OperationTypeNode;
  /** The coordinates it reads that need a grant (operation-coordinates.ts). */
  coordinates: string[];
}

// The registry's column (registered_operation.name).
const MAX_NAME_LENGTH = 128;

/** Why a document cannot be registered or run against a schema: Chinese first, English alongside. */
export class OperationDocumentProblem extends Error {}

function problem(chinese: string, english: string): OperationDocumentProblem {
  return new OperationDocumentProblem(`${chinese}。${english}`);
}

/** The document's one named operation; a problem when it holds none, several or an anonymous one. */
export function singleNamedOperation(document: DocumentNode): OperationDefinitionNode {
  const operations = document.definitions.filter(
    (definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION,
  );
  if (operations.length !== 1 || !operations[0].name)
    throw problem('文档必须恰好包含一个具名操作', 'The document must hold exactly one named operation');
  if (operations[0].name.value.length > MAX_NAME_LENGTH)
    throw problem('操作名称过长', `The operation's name is longer than ${MAX_NAME_LENGTH} characters`);
  return operations[0];
}

export function parseOperationDocument(source: string): DocumentNode {
  try {
    return parse(source, { noLocation: false });
  } catch (error) {
    throw problem('文档不是合法的 GraphQL', `The document does not parse: ${(error as Error).message}`);
  }
}

/**
 * Checks a document against a schema: one named operation, valid (graphql-js rules), within the
 * gateway's operation limits when they are given; returns what it reads. Throws an
 * OperationDocumentProblem naming the first fault, or the gateway's OPERATION_LIMIT_EXCEEDED.
 */
export function checkOperationDocument(
  schema: GraphQLSchema,
  source: string,
  options: { limits?: OperationLimits } = {},
): CheckedOperation {
  if (options.limits && Buffer.byteLength(source, 'utf8') > options.limits.maxDocumentBytes)
    throw problem('文档超出网关的大小限制', `The document is larger than ${options.limits.maxDocumentBytes} bytes`);
  const document = parseOperationDocument(source);
  const operation = singleNamedOperation(document);
  const errors = validate(schema, document);
  if (errors.length > 0)
    throw problem(
      '文档与当前接口架构不符',
      `The document is not valid against the current schema: ${errors[0].message}`,
    );
  if (options.limits) {
    try {
      checkParsedDocument(document, schema, {}, options.limits);
    } catch (error) {
      if (error instanceof GraphQLError) throw problem('文档超出网关的查询限制', error.message);
      throw error;
    }
  }
  return {
    name: operation.name!.value,
    kind: operation.operation,
    coordinates: coordinatesRead(schema, document),
  };
}
