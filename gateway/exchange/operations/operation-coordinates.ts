import {
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLNamedType,
  type GraphQLSchema,
} from 'graphql';
import type { Catalogue } from '../catalogue/catalogue';

// Relay connection structure (cursor pages): how a list is cut, not data of the graph.
const STRUCTURE_TYPE = /(Connection|Edge)$/;
const PAGE_INFO = 'PageInfo';

function isRootType(schema: GraphQLSchema, type: GraphQLNamedType): boolean {
  return type === schema.getQueryType() || type === schema.getMutationType() || type === schema.getSubscriptionType();
}

/**
 * Whether `Type.field` is a data item a partner needs a grant for. Not items (the catalogue's rule that
 * structure is not data): `__typename` and introspection; the fields of connection structure
 * (`*Connection`, `*Edge`, `PageInfo`: edges, node, cursor, pageInfo, totalCount); and the root
 * operation type's fields (`Query.enterprise`), entry points whose data is the items read under them,
 * unless the catalogue lists the root field itself.
 */
export function needsGrant(
  schema: GraphQLSchema,
  parentType: GraphQLNamedType,
  fieldName: string,
  catalogue?: Catalogue,
): boolean {
  if (fieldName.startsWith('__')) return false;
  if (parentType.name === PAGE_INFO || STRUCTURE_TYPE.test(parentType.name)) return false;
  if (isRootType(schema, parentType)) return catalogue?.item(`${parentType.name}.${fieldName}`) !== undefined;
  return true;
}

/**
 * The `Type.field` coordinates a valid document reads that need a grant (see needsGrant), sorted and
 * without repeats. Fragments and inline fragments count with the type they are on; an alias counts as
 * the field it names. `parentType` is the type in the schema the selection is on (an interface's
 * fields are named on the interface).
 */
export function coordinatesRead(schema: GraphQLSchema, document: DocumentNode, catalogue?: Catalogue): string[] {
  const typeInfo = new TypeInfo(schema);
  const found = new Set<string>();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD]: (node) => {
        const parentType = typeInfo.getParentType();
        if (!parentType || !typeInfo.getFieldDef()) return;
        const fieldName = node.name.value;
        if (needsGrant(schema, parentType, fieldName, catalogue)) found.add(`${parentType.name}.${fieldName}`);
      },
    }),
  );
  return [...found].sort();
}
