import {
  Kind,
  parse,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
} from 'graphql';
import { CATALOGUE_DIRECTIVE, isCatalogueStructure } from '../../../platform/graphql/catalogue-directive';
import type { CatalogueItem, ShareClass } from './catalogue';

/** The catalogue read from a supergraph, and the data fields it found without an entry. */
export interface SupergraphCatalogue {
  items: CatalogueItem[];
  /** `Type.field has no catalogue entry ...`, one per field; empty when every data field has one. */
  missing: string[];
}

function argumentOf(directive: ConstDirectiveNode, name: string): string | boolean | undefined {
  const value = directive.arguments?.find((argument) => argument.name.value === name)?.value;
  if (!value) return undefined;
  if (value.kind === Kind.STRING || value.kind === Kind.ENUM) return value.value;
  if (value.kind === Kind.BOOLEAN) return value.value;
  return undefined;
}

function directivesNamed(node: { directives?: readonly ConstDirectiveNode[] }, name: string): ConstDirectiveNode[] {
  return (node.directives ?? []).filter((directive) => directive.name.value === name);
}

/** join__Graph enum value (LICENSING) -> subgraph name (licensing). */
function graphNames(document: DocumentNode): Map<string, string> {
  const names = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const [graph] = directivesNamed(value, 'join__graph');
      const name = graph ? argumentOf(graph, 'name') : undefined;
      names.set(value.name.value, typeof name === 'string' ? name : value.name.value.toLowerCase());
    }
  }
  return names;
}

/** The subgraphs that resolve a field: its join__field graphs (not @external), else its type's. */
function resolvingGraphs(type: ObjectTypeDefinitionNode, field: FieldDefinitionNode): string[] {
  const fieldGraphs = directivesNamed(field, 'join__field')
    .filter((join) => argumentOf(join, 'external') !== true)
    .map((join) => argumentOf(join, 'graph'))
    .filter((graph): graph is string => typeof graph === 'string');
  if (fieldGraphs.length > 0) return fieldGraphs;
  return directivesNamed(type, 'join__type')
    .map((join) => argumentOf(join, 'graph'))
    .filter((graph): graph is string => typeof graph === 'string');
}

/**
 * The owning department of a field several subgraphs resolve (an entity's key, `Enterprise.creditCode`):
 * the subgraph that resolves most of the type's fields on its own, the entity's home (licensing for
 * Enterprise and Vehicle); a tie goes to the first by name, so the answer never depends on order.
 */
function owningGraph(type: ObjectTypeDefinitionNode, graphs: string[]): string {
  if (graphs.length === 1) return graphs[0];
  const counts = new Map<string, number>(graphs.map((graph) => [graph, 0]));
  for (const field of type.fields ?? []) {
    const own = resolvingGraphs(type, field);
    if (own.length === 1 && counts.has(own[0])) counts.set(own[0], (counts.get(own[0]) ?? 0) + 1);
  }
  return [...graphs].sort(
    (left, right) => (counts.get(right) ?? 0) - (counts.get(left) ?? 0) || left.localeCompare(right),
  )[0];
}

/**
 * Reads the data resource catalogue from a supergraph's `@catalogue` entries: one item per field of
 * every object type that holds data (not the root types, connections, edges, PageInfo or mutation
 * payloads: see isCatalogueStructure). The department is the subgraph that resolves the field.
 */
export function readSupergraphCatalogue(supergraphSdl: string): SupergraphCatalogue {
  const document = parse(supergraphSdl);
  const graphs = graphNames(document);
  const items: CatalogueItem[] = [];
  const missing: string[] = [];
  for (const type of document.definitions) {
    if (type.kind !== Kind.OBJECT_TYPE_DEFINITION || isCatalogueStructure(type.name.value)) continue;
    if (type.name.value.includes('__')) continue;
    for (const field of type.fields ?? []) {
      if (field.name.value.startsWith('_')) continue;
      const coordinate = `${type.name.value}.${field.name.value}`;
      const [entry] = directivesNamed(field, CATALOGUE_DIRECTIVE);
      if (!entry) {
        missing.push(`${coordinate} has no catalogue entry (@${CATALOGUE_DIRECTIVE} on the field or its type)`);
        continue;
      }
      const graph = owningGraph(type, resolvingGraphs(type, field));
      items.push({
        coordinate,
        typeName: type.name.value,
        fieldName: field.name.value,
        department: graphs.get(graph) ?? graph.toLowerCase(),
        category: String(argumentOf(entry, 'category')),
        shareClass: String(argumentOf(entry, 'shareClass')) as ShareClass,
        personalInformation: argumentOf(entry, 'personalInformation') === true,
        updateFrequency: String(argumentOf(entry, 'updateFrequency')),
        legalBasis: String(argumentOf(entry, 'legalBasis')),
        description: field.description?.value ?? '',
      });
    }
  }
  return { items, missing };
}
