import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../platform/graphql/connection';
import { CreditRepairApplication } from './credit-repair-application.entity';

@ObjectType({ description: 'A page of credit repair applications, newest first.' })
export class CreditRepairApplicationConnection extends ConnectionType(
  CreditRepairApplication,
  'CreditRepairApplication',
  'credit repair application',
) {}
