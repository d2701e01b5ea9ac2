import type { RegionScope } from '../../../platform/auth/region-scope';
import type { Actor } from '../permit/actor';
import type { PermitApplication } from '../permit/permit-application.entity';
import { materialsToAttach } from '../permit/required-materials';
import type { PermitMaterialService } from './permit-material.service';

/**
 * For demo data and specs: attaches a one-line stand-in for the scan of each material the application's
 * kind requires, except those named (to leave them missing).
 */
export async function attachStandInMaterials(
  materials: PermitMaterialService,
  scope: RegionScope,
  application: Pick<PermitApplication, 'applicationNumber' | 'kind'>,
  actor: Actor,
  except: readonly string[] = [],
): Promise<void> {
  for (const material of materialsToAttach(application)) {
    if (except.includes(material.code)) continue;
    await materials.attach(
      scope,
      {
        applicationNumber: application.applicationNumber,
        materialCode: material.code,
        fileName: `${material.code}.pdf`,
        contentBase64: Buffer.from(`%PDF-1.7\n${material.name}\n`).toString('base64'),
      },
      actor,
    );
  }
}
