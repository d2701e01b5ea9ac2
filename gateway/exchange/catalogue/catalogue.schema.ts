import { authorized } from '../../../platform/auth/authorized-resolver';
import { Permission } from '../../../platform/auth/permission.policy';
import { invalidInput } from '../../../platform/errors/domain-error';
import { TextKind } from '../../../platform/graphql/text-fields';
import type { ExchangeContext } from '../exchange.context';
import type { ExchangePart } from '../exchange.part';
import type { Catalogue, CatalogueItem, ShareClass } from './catalogue';
import { EXCHANGE_CATALOGUE_ENTRY } from './exchange-entry';

const MAX_SEARCH_LENGTH = 100;

const TYPE_DEFS = `
extend type Query {
  """
  The data resource catalogue (数据资源目录): every data item of the graph, Type.field, with its owning
  department, data category, share class, personal-information flag, update frequency and legal basis.
  Read from the supergraph's @catalogue entries; ordered by coordinate. Every filter given must match.
  """
  dataCatalogue(
    """The owning department (subgraph), e.g. licensing, credit."""
    department: String
    """Only items of this share class."""
    shareClass: ShareClass
    """The data category, as the category:<name> scopes name it, e.g. registry, credit."""
    category: String
    """Text the coordinate or the description contains (case-insensitive), at most ${MAX_SEARCH_LENGTH} characters."""
    search: String
  ): DataCatalogue!
}

"""How a data item may be shared, per 《政务信息资源共享管理暂行办法》(国发〔2016〕51号)."""
enum ShareClass {
  """无条件共享: granted to a partner at once on request."""
  UNCONDITIONAL
  """有条件共享: granted by the owning department's approver, with an expiry."""
  CONDITIONAL
  """不予共享: never granted to a partner."""
  NOT_SHARED
}

"""The catalogue items a filter selects."""
type DataCatalogue ${EXCHANGE_CATALOGUE_ENTRY} {
  """The items, ordered by coordinate."""
  items: [CatalogueItem!]!
  """How many items the filter selects."""
  totalCount: Int!
}

"""One data item of the catalogue (数据资源目录项): a field of the graph."""
type CatalogueItem ${EXCHANGE_CATALOGUE_ENTRY} {
  """The item as Type.field, what access requests and grants name."""
  coordinate: String!
  """The object type."""
  typeName: String!
  """The field."""
  fieldName: String!
  """The owning department: the subgraph that resolves the field."""
  department: String!
  """The data category (category:<name> scope of partner clients)."""
  category: String!
  """How the item may be shared."""
  shareClass: ShareClass!
  """True when the item is personal information (a name, an ID number, a phone number)."""
  personalInformation: Boolean!
  """How often the item changes at its source, e.g. REAL_TIME, DAILY, MONTHLY, ON_CHANGE."""
  updateFrequency: String!
  """The law or regulation that allows (or forbids) sharing it."""
  legalBasis: String!
  """The field's description in the schema."""
  description: String!
}
`;

export interface CatalogueFilter {
  department?: string | null;
  shareClass?: ShareClass | null;
  category?: string | null;
  search?: string | null;
}

/** The items `filter` selects; an unknown department or category is bad input, not an empty list. */
export function filterCatalogue(catalogue: Catalogue, filter: CatalogueFilter): CatalogueItem[] {
  const items = catalogue.items();
  const { department, shareClass, category } = filter;
  if (department && !items.some((item) => item.department === department))
    throw invalidInput('department', '不是目录中的部门。is no department of the catalogue');
  if (category && !items.some((item) => item.category === category))
    throw invalidInput('category', '不是目录中的数据类别。is no category of the catalogue');
  const search = filter.search?.trim().toLowerCase();
  if (search && search.length > MAX_SEARCH_LENGTH)
    throw invalidInput('search', `不能超过${MAX_SEARCH_LENGTH}个字符。must be at most ${MAX_SEARCH_LENGTH} characters`);
  return items
    .filter(
      (item) =>
        (!department || item.department === department) &&
        (!shareClass || item.shareClass === shareClass) &&
        (!category || item.category === category) &&
        (!search || item.coordinate.toLowerCase().includes(search) || item.description.toLowerCase().includes(search)),
    )
    .sort((left, right) => left.coordinate.localeCompare(right.coordinate));
}

export const CATALOGUE_PART: ExchangePart = {
  typeDefs: TYPE_DEFS,
  resolvers: {
    Query: {
      dataCatalogue: authorized(
        [Permission.CATALOGUE_READ],
        (_root: unknown, args: CatalogueFilter, context: ExchangeContext) => {
          const items = filterCatalogue(context.exchange.catalogue, args);
          return { items, totalCount: items.length };
        },
      ),
    },
  },
  access: {
    DataCatalogue: [Permission.CATALOGUE_READ],
    CatalogueItem: [Permission.CATALOGUE_READ],
  },
  textFields: {
    CatalogueItem: {
      coordinate: TextKind.NOT_PERSONAL,
      typeName: TextKind.NOT_PERSONAL,
      fieldName: TextKind.NOT_PERSONAL,
      department: TextKind.NOT_PERSONAL,
      category: TextKind.NOT_PERSONAL,
      updateFrequency: TextKind.NOT_PERSONAL,
      legalBasis: TextKind.NOT_PERSONAL,
      description: TextKind.NOT_PERSONAL,
    },
  },
};
