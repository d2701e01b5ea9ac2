import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../platform/graphql/connection';
import { CreditListEntry } from './credit-list-entry.entity';

@ObjectType({ description: 'A page of credit list entries (信用名单), newest first.' })
export class CreditListEntryConnection extends ConnectionType(
  CreditListEntry,
  'CreditListEntry',
  'credit list entry',
) {}
