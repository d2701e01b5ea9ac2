import {
  Kind,
  type ConstArgumentNode,
  type ConstDirectiveNode,
  type DocumentNode,
  type FieldDefinitionNode,
  type ObjectTypeDefinitionNode,
  type ObjectTypeExtensionNode,
} from 'graphql';

/**
 * The data resource catalogue's directive (数据资源目录). Each subgraph describes every data item it
 * serves with `@catalogue(...)`: on an object type as the default for its fields, on a field where it
 * differs. Linked as a feature of its own and kept by composition (`@composeDirective`), so the
 * supergraph the gateway serves carries the catalogue and the gateway reads it from there.
 */
export const CATALOGUE_DIRECTIVE = 'catalogue';

export const CATALOGUE_SPEC_URL = 'https://single-window.mot.gov.cn/catalogue/v1.0';

/** 无条件共享, 有条件共享, 不予共享 (《政务信息资源共享管理暂行办法》, 国发〔2016〕51号, 第九条). */
export type CatalogueShareClass = 'UNCONDITIONAL' | 'CONDITIONAL' | 'NOT_SHARED';

export interface CatalogueEntry {
  /** The data category, as partner clients' `category:<name>` scopes name it. */
  category: string;
  shareClass: CatalogueShareClass;
  /** How often the item changes at its source: REAL_TIME, DAILY, MONTHLY, ON_CHANGE, ... */
  updateFrequency: string;
  /** The law or regulation that allows (or forbids) sharing it. */
  legalBasis: string;
  /** A name, an ID number, a phone number: must agree with the field's text rule (PERSON_NAME, ...). */
  personalInformation?: boolean;
}

/** The link, its composition and its definition, added to every subgraph's SDL beside FEDERATION_LINK. */
export const CATALOGUE_LINK = `extend schema
  @link(url: "${CATALOGUE_SPEC_URL}", import: ["@${CATALOGUE_DIRECTIVE}"])
  @composeDirective(name: "@${CATALOGUE_DIRECTIVE}")

"""A data item of the data resource catalogue (数据资源目录): on a type, the default for its fields."""
directive @${CATALOGUE_DIRECTIVE}(
  category: String!
  shareClass: ${CATALOGUE_DIRECTIVE}__ShareClass!
  updateFrequency: String!
  legalBasis: String!
  personalInformation: Boolean! = false
) on OBJECT | FIELD_DEFINITION

"""How a data item may be shared (无条件共享, 有条件共享, 不予共享)."""
enum ${CATALOGUE_DIRECTIVE}__ShareClass {
  """无条件共享: granted to a partner at once on request."""
  UNCONDITIONAL
  """有条件共享: granted by the owning department's approver, with an expiry."""
  CONDITIONAL
  """不予共享: never granted to a partner."""
  NOT_SHARED
}
`;

function quoted(text: string): string {
  return JSON.stringify(text);
}

/** The directive as SDL text: `type X ${catalogue(entry)} { ... }` or `@Directive(catalogue(entry))`. */
export function catalogue(entry: CatalogueEntry): string {
  const personal = entry.personalInformation ? ', personalInformation: true' : '';
  return `@${CATALOGUE_DIRECTIVE}(category: ${quoted(entry.category)}, shareClass: ${entry.shareClass}, updateFrequency: ${quoted(entry.updateFrequency)}, legalBasis: ${quoted(entry.legalBasis)}${personal})`;
}

/** A subgraph's catalogue as rules: per object type a default entry and the fields that differ. */
export type CatalogueRules = Readonly<
  Record<string, { entry: CatalogueEntry; fields?: Readonly<Record<string, CatalogueEntry>> }>
>;

function directiveNode(entry: CatalogueEntry): ConstDirectiveNode {
  const argument = (name: string, value: ConstArgumentNode['value']): ConstArgumentNode => ({
    kind: Kind.ARGUMENT,
    name: { kind: Kind.NAME, value: name },
    value,
  });
  const text = (value: string) => ({ kind: Kind.STRING, value }) as const;
  const args: ConstArgumentNode[] = [
    argument('category', text(entry.category)),
    argument('shareClass', { kind: Kind.ENUM, value: entry.shareClass }),
    argument('updateFrequency', text(entry.updateFrequency)),
    argument('legalBasis', text(entry.legalBasis)),
  ];
  if (entry.personalInformation) args.push(argument('personalInformation', { kind: Kind.BOOLEAN, value: true }));
  return { kind: Kind.DIRECTIVE, name: { kind: Kind.NAME, value: CATALOGUE_DIRECTIVE }, arguments: args };
}

const isCatalogue = (directive: ConstDirectiveNode) => directive.name.value === CATALOGUE_DIRECTIVE;

type ObjectNode = ObjectTypeDefinitionNode | ObjectTypeExtensionNode;

function isObjectNode(node: DocumentNode['definitions'][number]): node is ObjectNode {
  return node.kind === Kind.OBJECT_TYPE_DEFINITION || node.kind === Kind.OBJECT_TYPE_EXTENSION;
}

/**
 * Applies `rules` to the SDL and then moves each type's entry onto its fields that carry none. The
 * schema a subgraph serves holds entries on fields only: an entity (Enterprise) is declared by several
 * subgraphs, each with its own default, and a type-level directive would be merged into one by
 * composition. Fails on a rule naming no type or field of the SDL, so a rule cannot outlive its field.
 */
export function spreadCatalogue(document: DocumentNode, rules: CatalogueRules = {}): DocumentNode {
  const unused = new Set(
    Object.entries(rules).flatMap(([typeName, rule]) => [
      typeName,
      ...Object.keys(rule.fields ?? {}).map((fieldName) => `${typeName}.${fieldName}`),
    ]),
  );
  const definitions = document.definitions.map((definition) => {
    if (!isObjectNode(definition)) return definition;
    const typeName = definition.name.value;
    const rule = Object.hasOwn(rules, typeName) ? rules[typeName] : undefined;
    if (rule) unused.delete(typeName);
    const typeEntry = definition.directives?.find(isCatalogue) ?? (rule ? directiveNode(rule.entry) : undefined);
    const fields = definition.fields?.map((field): FieldDefinitionNode => {
      const override =
        rule?.fields && Object.hasOwn(rule.fields, field.name.value) ? rule.fields[field.name.value] : undefined;
      if (override) unused.delete(`${typeName}.${field.name.value}`);
      const own = field.directives?.find(isCatalogue);
      const entry = own ?? (override ? directiveNode(override) : typeEntry);
      if (!entry || own) return field;
      return { ...field, directives: [...(field.directives ?? []), entry] };
    });
    return { ...definition, directives: definition.directives?.filter((directive) => !isCatalogue(directive)), fields };
  });
  if (unused.size > 0) throw new Error(`Catalogue rules naming no type or field: ${[...unused].join(', ')}`);
  return { ...document, definitions };
}

/**
 * Pure structure, not data: the root types, Relay connections, edges and PageInfo, and what a mutation
 * returns (`*Payload`, the changed objects are items under their own types). Neither composition's
 * check nor the catalogue counts their fields; `_`-prefixed types are federation's own.
 */
export function isCatalogueStructure(typeName: string): boolean {
  return (
    ['Query', 'Mutation', 'Subscription', 'PageInfo'].includes(typeName) ||
    typeName.startsWith('_') ||
    /(Connection|Edge|Payload)$/.test(typeName)
  );
}
