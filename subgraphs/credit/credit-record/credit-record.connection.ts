import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../platform/graphql/connection';
import { CreditRecord } from './credit-record.entity';

@ObjectType({ description: 'A page of credit records (信用记录), newest first.' })
export class CreditRecordConnection extends ConnectionType(CreditRecord, 'CreditRecord', 'credit record') {}
