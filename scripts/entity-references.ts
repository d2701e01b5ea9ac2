import {
  Kind,
  parse,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
  type TypeNode,
} from 'graphql';

/** A field of one subgraph that returns an entity whose non-null fields another subgraph resolves. */
export interface EntityReference {
  subgraph: string;
  /** `Type.field` */
  field: string;
  entity: string;
  /** The non-null fields of the entity that only other subgraphs resolve (e.g. `name`). */
  resolvedElsewhere: string[];
  /** The field may be null, and so may each item when it is a list. */
  nullable: boolean;
}

type ObjectNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;

function namedType(type: TypeNode): string {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** Nullable all the way down to the named type: `Enterprise`, `[Enterprise]`, not `Enterprise!` or `[Enterprise!]`. */
function nullableThroughout(type: TypeNode): boolean {
  if (type.kind === Kind.NON_NULL_TYPE) return false;
  return type.kind === Kind.LIST_TYPE ? nullableThroughout(type.type) : true;
}

function objectTypes(sdl: string): ObjectNode[] {
  return parse(sdl).definitions.filter(
    (definition): definition is ObjectNode =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION || definition.kind === Kind.OBJECT_TYPE_EXTENSION,
  );
}

/** A field of an entity type as one subgraph declares it. */
interface FieldDeclaration {
  subgraph: string;
  field: FieldDefinitionNode;
}

/**
 * Every field, in any subgraph, returning an entity (`@key`) some of whose non-null fields that subgraph
 * does not resolve itself: the gateway fetches them from the owner, which answers null for an entity the
 * caller may not read (out of region). Such a field must be nullable for that null to stay where it is.
 */
export function entityReferences(subgraphSdl: Readonly<Record<string, string>>): EntityReference[] {
  const types = Object.fromEntries(Object.entries(subgraphSdl).map(([name, sdl]) => [name, objectTypes(sdl)]));
  const entityFields = new Map<string, Map<string, FieldDeclaration[]>>();
  for (const [subgraph, nodes] of Object.entries(types)) {
    for (const node of nodes) {
      if (!node.directives?.some((directive) => directive.name.value === 'key')) continue;
      const fields = entityFields.get(node.name.value) ?? new Map<string, FieldDeclaration[]>();
      for (const field of node.fields ?? []) {
        fields.set(field.name.value, [...(fields.get(field.name.value) ?? []), { subgraph, field }]);
      }
      entityFields.set(node.name.value, fields);
    }
  }
  const references: EntityReference[] = [];
  for (const [subgraph, nodes] of Object.entries(types)) {
    for (const node of nodes) {
      for (const field of node.fields ?? []) {
        const entity = namedType(field.type);
        const fields = entityFields.get(entity);
        if (!fields) continue;
        const resolvedElsewhere = [...fields.entries()]
          .filter(([, definitions]) => definitions.every((definition) => definition.subgraph !== subgraph))
          .filter(([, definitions]) =>
            definitions.some((definition) => definition.field.type.kind === Kind.NON_NULL_TYPE),
          )
          .map(([name]) => name);
        if (resolvedElsewhere.length === 0) continue;
        references.push({
          subgraph,
          field: `${node.name.value}.${field.name.value}`,
          entity,
          resolvedElsewhere,
          nullable: nullableThroughout(field.type),
        });
      }
    }
  }
  return references;
}
