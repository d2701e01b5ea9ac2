import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../platform/graphql/connection';
import { EnforcementCase } from './enforcement-case.entity';

@ObjectType({ description: 'A page of enforcement cases (行政执法案件), newest first.' })
export class EnforcementCaseConnection extends ConnectionType(EnforcementCase, 'EnforcementCase', 'enforcement case') {}
