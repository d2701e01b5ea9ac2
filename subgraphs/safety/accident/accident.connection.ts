import { ConnectionType } from '../../../platform/graphql/connection';
import { Accident } from './accident.entity';

// The kit's class is the GraphQL type itself; subclassing it with a bare @ObjectType would drop its description.
export const AccidentConnection = ConnectionType(Accident, 'Accident', 'accident report');
export type AccidentConnection = InstanceType<typeof AccidentConnection>;
