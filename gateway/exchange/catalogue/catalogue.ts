import { readSupergraphCatalogue } from './catalogue.supergraph';

/**
 * The data resource catalogue (数据资源目录): every data item of the graph, `Type.field`, with its
 * owner and how it may be shared under the national rules for government information sharing.
 */
export enum ShareClass {
  /** 无条件共享: granted to a partner at once on request. */
  UNCONDITIONAL = 'UNCONDITIONAL',
  /** 有条件共享: granted by the owning department's approver, with an expiry. */
  CONDITIONAL = 'CONDITIONAL',
  /** 不予共享: never granted to a partner. */
  NOT_SHARED = 'NOT_SHARED',
}

export interface CatalogueItem {
  /** `Type.field` in the supergraph. */
  coordinate: string;
  typeName: string;
  fieldName: string;
  /** The owning department: the subgraph that resolves the field (licensing, enforcement, ...). */
  department: string;
  /** The data category, as partner clients' `category:<name>` scopes name it. */
  category: string;
  shareClass: ShareClass;
  /** True when the field holds personal information (a name, an ID number, a phone number). */
  personalInformation: boolean;
  /** How often the item changes at its source (e.g. REAL_TIME, DAILY, MONTHLY). */
  updateFrequency: string;
  /** The law or regulation that allows (or forbids) sharing it. */
  legalBasis: string;
  /** The field's description in the schema. */
  description: string;
}

/** The catalogue, looked up by coordinate. */
export class Catalogue {
  private readonly byCoordinate: ReadonlyMap<string, CatalogueItem>;

  /**
   * The catalogue the supergraph's `@catalogue` entries describe. Fails when a data field has none:
   * `npm run compose` refuses such a supergraph, so this means a file written by hand or by an old build.
   */
  static fromSupergraph(supergraphSdl: string): Catalogue {
    const { items, missing } = readSupergraphCatalogue(supergraphSdl);
    if (missing.length > 0)
      throw new Error(`The supergraph's catalogue is incomplete (run npm run compose): ${missing.join('; ')}`);
    return new Catalogue(items);
  }

  constructor(readonly entries: readonly CatalogueItem[]) {
    this.byCoordinate = new Map(entries.map((item) => [item.coordinate, item]));
  }

  item(coordinate: string): CatalogueItem | undefined {
    return this.byCoordinate.get(coordinate);
  }

  items(): readonly CatalogueItem[] {
    return this.entries;
  }
}
