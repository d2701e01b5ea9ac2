import { ConnectionType } from '../../../platform/graphql/connection';
import { SafetyAlert } from './safety-alert.entity';

export const SafetyAlertConnection = ConnectionType(SafetyAlert, 'SafetyAlert', 'monitoring alert');
export type SafetyAlertConnection = InstanceType<typeof SafetyAlertConnection>;
