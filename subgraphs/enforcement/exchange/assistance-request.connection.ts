import { ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../platform/graphql/connection';
import { AssistanceRequest } from './assistance-request.entity';

@ObjectType({ description: 'A page of assistance requests (协查请求), newest first.' })
export class AssistanceRequestConnection extends ConnectionType(
  AssistanceRequest,
  'AssistanceRequest',
  'assistance request',
) {}
