import type { EntityManager } from 'typeorm';
import type { CreditDisclosure } from '../disclosure/credit-disclosure.entity';

/**
 * Told of every approved repair inside the approval's transaction, so what the repaired penalty caused
 * elsewhere (a credit list entry) ends with it, or the approval rolls back.
 */
export interface CreditRepairListener {
  repaired(manager: EntityManager, disclosure: CreditDisclosure, actor: string): Promise<void>;
}
