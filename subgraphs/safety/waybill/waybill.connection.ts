import { ConnectionType } from '../../../platform/graphql/connection';
import { Waybill } from './waybill.entity';

// The kit's class is the GraphQL type itself; subclassing it with a bare @ObjectType would drop its description.
export const WaybillConnection = ConnectionType(Waybill, 'Waybill', 'waybill');
export type WaybillConnection = InstanceType<typeof WaybillConnection>;
