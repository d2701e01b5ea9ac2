import {
  isAbstractType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { isCatalogueStructure } from '../../../platform/graphql/catalogue-directive';

/**
 * Whether `Type.field` is a data item a partner needs a grant for: the catalogue's rule that structure
 * is not data. Not items: `__typename` and introspection, and the fields of structure types (the root
 * types, `*Connection`, `*Edge`, `PageInfo`, `*Payload`: entry points, edges, node, pageInfo, totalCount).
 */
export function needsGrant(typeName: string, fieldName: string): boolean {
  return !fieldName.startsWith('__') && !isCatalogueStructure(typeName);
}

/**
 * The `Type.field` coordinates a valid document reads that need a grant (see needsGrant), sorted and
 * without repeats. Fragments and inline fragments count with the type they are on; an alias counts as
 * the field it names. A field read on an interface or union counts on every object type that may
 * answer it (the catalogue lists object types' fields), so no implementation escapes its grant.
 */
export function coordinatesRead(schema: GraphQLSchema, document: DocumentNode): string[] {
  const typeInfo = new TypeInfo(schema);
  const found = new Set<string>();
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      [Kind.FIELD]: (node) => {
        const parentType = typeInfo.getParentType();
        if (!parentType || !typeInfo.getFieldDef()) return;
        const fieldName = node.name.value;
        const types = isAbstractType(parentType) ? schema.getPossibleTypes(parentType) : [parentType];
        for (const type of types) if (needsGrant(type.name, fieldName)) found.add(`${type.name}.${fieldName}`);
      },
    }),
  );
  return [...found].sort();
}
