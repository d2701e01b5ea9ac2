import type { SubgraphDependencies } from '../../../platform/subgraph-server';
import type { LicensingServices } from '../licensing.context';

/**
 * Demo data: permits approved by the seed get their certificates from the issuer as any permit does;
 * this issues them for permits of a demo database seeded before certificates existed.
 */
export async function seedCertificates(services: LicensingServices, { logger }: SubgraphDependencies): Promise<void> {
  const issued = await services.certificates.issueMissing();
  if (issued > 0) logger.info('demo certificates issued for permits without one', { issued });
}
