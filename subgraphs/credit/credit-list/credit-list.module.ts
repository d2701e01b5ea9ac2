import type { DataSource } from 'typeorm';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import type { CreditChangeSink } from '../national-platform/credit-change';
import { AutomaticListing } from './automatic-listing';
import { CreditListChange } from './credit-list-change.entity';
import { CreditListDecision } from './credit-list-decision.entity';
import { CreditListEntry } from './credit-list-entry.entity';
import { CreditListOverload } from './credit-list-overload.entity';
import { CreditListService, type CreditListSettings } from './credit-list.service';
import { ListEntryWriter } from './list-entry.writer';

/** The tables of the credit lists (migration 1765400000000-credit-lists). */
export const CREDIT_LIST_ENTITIES = [CreditListEntry, CreditListDecision, CreditListChange, CreditListOverload];

/** What the credit lists add to credit's services. */
export interface CreditListServices {
  lists: CreditListService;
  /** The automatic criteria, called from the inbox handlers (credit.subgraph.ts). */
  automaticListing: AutomaticListing;
}

export function createCreditLists(dependencies: {
  dataSource: DataSource;
  outbox: EventOutbox;
  changes: CreditChangeSink;
  settings: CreditListSettings;
  clock?: () => Date;
}): CreditListServices {
  const writer = new ListEntryWriter(
    dependencies.outbox,
    dependencies.changes,
    dependencies.clock ?? (() => new Date()),
  );
  return {
    lists: new CreditListService(dependencies.dataSource, writer, dependencies.settings),
    automaticListing: new AutomaticListing(writer, dependencies.settings),
  };
}
