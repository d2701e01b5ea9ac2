import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionType } from '../../../platform/graphql/connection';
import { CreditPlatformDelivery } from './credit-platform-delivery.entity';

@ObjectType({ description: 'A page of pushes to the national credit information sharing platform, newest first.' })
export class NationalCreditDeliveryConnection extends ConnectionType(
  CreditPlatformDelivery,
  'NationalCreditDelivery',
  'push to the national credit platform',
) {}

@ObjectType({
  description:
    'How the pushes to the national credit information sharing platform (全国信用信息共享平台) stand: what waits, since when, what fails.',
})
export class NationalCreditDeliverySummary {
  @Field(() => Int, { description: 'Versions not yet acknowledged by the platform (待报送).' })
  pendingCount: number;

  @Field(() => Date, { nullable: true, description: 'When the longest-waiting pending version was recorded (UTC).' })
  oldestPendingSince: Date | null;

  @Field(() => Int, {
    nullable: true,
    description: 'How long the longest-waiting pending version has waited, in seconds.',
  })
  oldestPendingAgeSeconds: number | null;

  @Field(() => Int, {
    description: 'Pending versions whose last attempt failed, plus those the platform refused (报送失败).',
  })
  failingCount: number;

  @Field(() => Int, { description: 'Versions the platform refused for good; later versions of their records wait.' })
  refusedCount: number;

  @Field(() => Date, { nullable: true, description: 'When the platform last acknowledged a push (UTC).' })
  lastDeliveredAt: Date | null;
}
