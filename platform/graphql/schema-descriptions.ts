import {
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLField,
  type GraphQLInputField,
  type GraphQLInputObjectType,
  type GraphQLInterfaceType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

// Federation's own and GraphQL's built-in parts, which a subgraph does not describe.
const NOT_OURS = /^(_|__|link__|federation__|String$|Int$|Boolean$|Float$|ID$)/;
const ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

// Narrowed one kind at a time: getFields() called on the union of the three types is untyped.
function fieldsOf(
  type: GraphQLObjectType | GraphQLInterfaceType | GraphQLInputObjectType,
): Array<GraphQLField<unknown, unknown> | GraphQLInputField> {
  return isInputObjectType(type) ? Object.values(type.getFields()) : Object.values(type.getFields());
}

/** Every public type, field, argument and enum value of a schema that lacks a description. */
export function undescribedSchemaElements(schema: GraphQLSchema): string[] {
  const undescribed: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (NOT_OURS.test(type.name)) continue;
    if (!ROOT_TYPES.has(type.name) && !type.description) undescribed.push(type.name);
    if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
      for (const field of fieldsOf(type)) {
        if (field.name.startsWith('_')) continue;
        if (!field.description) undescribed.push(`${type.name}.${field.name}`);
        for (const argument of 'args' in field ? field.args : []) {
          if (!argument.description) undescribed.push(`${type.name}.${field.name}(${argument.name})`);
        }
      }
    }
    if (isEnumType(type))
      for (const value of type.getValues()) if (!value.description) undescribed.push(`${type.name}.${value.name}`);
  }
  return undescribed;
}
