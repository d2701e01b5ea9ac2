import type { EntityManager } from 'typeorm';
import type { Permit } from '../permit/permit.entity';

/**
 * Issues a permit's electronic certificate (许可证件电子化) inside the transaction that issues the
 * permit, so a permit never exists without its signed certificate.
 */
export interface CertificateIssuer {
  issue(manager: EntityManager, permit: Permit): Promise<{ certificateId: string }>;
}
