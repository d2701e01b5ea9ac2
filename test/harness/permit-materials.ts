import { materialsToAttach } from '../../subgraphs/licensing/permit/required-materials';
import type { PermitKind } from '../../subgraphs/licensing/permit/permit-kind';
import { query } from './single-window.client';

/**
 * `AttachPermitMaterialInput`s for a one-line stand-in scan of each material the kind requires, except
 * those named: an application is accepted (受理) only with all of them.
 */
export function requiredMaterialInputs(
  applicationNumber: string,
  kind: PermitKind | `${PermitKind}`,
  except: readonly string[] = [],
): Array<{ applicationNumber: string; materialCode: string; fileName: string; contentBase64: string }> {
  return materialsToAttach({ kind: kind as PermitKind })
    .filter((material) => !except.includes(material.code))
    .map((material) => ({
      applicationNumber,
      materialCode: material.code,
      fileName: `${material.code}.pdf`,
      contentBase64: Buffer.from(`%PDF-1.7\n${material.name}\n`).toString('base64'),
    }));
}

/** Attaches those stand-ins in one request. */
export async function attachRequiredMaterials(
  token: string,
  applicationNumber: string,
  kind: PermitKind | `${PermitKind}`,
  except: readonly string[] = [],
): Promise<void> {
  const inputs = requiredMaterialInputs(applicationNumber, kind, except);
  if (inputs.length === 0) return;
  await query(
    token,
    `mutation (${inputs.map((_, index) => `$m${index}: AttachPermitMaterialInput!`).join(', ')}) { ${inputs
      .map((_, index) => `m${index}: attachPermitMaterial(input: $m${index}) { material { id } }`)
      .join(' ')} }`,
    Object.fromEntries(inputs.map((input, index) => [`m${index}`, input])),
  );
}
