import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../platform/graphql/connection';
import { OverloadRecord } from './overload-record.entity';

@ObjectType({ description: 'A page of weigh-station detection records (超限检测记录), newest first.' })
export class OverloadRecordConnection extends ConnectionType(OverloadRecord, 'OverloadRecord', 'overload record') {}
