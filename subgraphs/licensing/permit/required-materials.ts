import type { EntityManager } from 'typeorm';
import type { DomainError } from '../../../platform/errors/domain-error';
import { conflict, LICENSING_ERRORS } from '../licensing.errors';
import { PermitMaterial } from '../attachment/permit-material.entity';
import type { PermitApplication } from './permit-application.entity';
import { PERMIT_KINDS, type MaterialRequirementDefinition } from './permit-kind';

// An application is accepted (受理) only with every material its kind requires attached, or returned with
// one notice naming everything missing (一次性告知); it is approved only with all of them. Materials a
// national platform confirms (the investment project approval of a construction permit, checked when the
// application is submitted) are not attached.

/** Material codes a national platform confirms for applications of kinds that go through it. */
const CONFIRMED_AT_A_PLATFORM = new Set(['INVESTMENT_PROJECT_APPROVAL']);

/** Where a check is made; decides what the refusal tells the officer to do. */
export type MaterialsCheckpoint = 'accept' | 'resubmit' | 'approve';

const NEXT_STEP: Readonly<Record<MaterialsCheckpoint, string>> = {
  accept:
    'attach them, or return the application with one notice naming all of them (returnPermitApplication, 一次性告知补正)',
  resubmit: 'attach them before resubmitting the application',
  approve: 'the application cannot be approved without them',
};

/** The materials the kind requires that the applicant attaches. */
export function materialsToAttach(application: Pick<PermitApplication, 'kind'>): MaterialRequirementDefinition[] {
  const definition = PERMIT_KINDS[application.kind];
  return definition.materials.filter(
    (material) => !(definition.investmentProjectRequired && CONFIRMED_AT_A_PLATFORM.has(material.code)),
  );
}

/** The required materials not attached to the application, in the order the kind lists them. */
export async function missingMaterials(
  manager: EntityManager,
  application: Pick<PermitApplication, 'id' | 'kind'>,
): Promise<MaterialRequirementDefinition[]> {
  const attached = await manager
    .createQueryBuilder(PermitMaterial, 'material')
    .select('DISTINCT material.materialCode', 'code')
    .where('material.applicationId = :id', { id: application.id })
    .getRawMany<{ code: string }>();
  const codes = new Set(attached.map((row) => row.code));
  return materialsToAttach(application).filter((material) => !codes.has(material.code));
}

function described(materials: readonly MaterialRequirementDefinition[]) {
  return materials.map((material) => ({ code: material.code, name: material.name }));
}

/** The error with `missingMaterials`: each material's code and Chinese name, as the kind lists it. */
export function namingMaterials<TError extends DomainError>(
  error: TError,
  application: Pick<PermitApplication, 'kind'>,
  codes: readonly string[],
): TError {
  const named = PERMIT_KINDS[application.kind].materials.filter((material) => codes.includes(material.code));
  Object.assign(error.extensions, { missingMaterials: described(named) });
  return error;
}

/** CONFLICT `MATERIALS_MISSING`, naming each missing material by code and Chinese name (`missingMaterials`). */
export function materialsMissing(
  applicationNumber: string,
  missing: readonly MaterialRequirementDefinition[],
  checkpoint: MaterialsCheckpoint,
): DomainError {
  const error = conflict(
    'MATERIALS_MISSING',
    `申请材料不齐全，缺少：${missing.map((material) => material.name).join('；')}。Application ${applicationNumber} lacks ${missing.map((material) => material.code).join(', ')}: ${NEXT_STEP[checkpoint]}`,
  );
  Object.assign(error.extensions, { missingMaterials: described(missing) });
  return error;
}

/** Refuses the step while a required material is missing. */
export async function assertRequiredMaterials(
  manager: EntityManager,
  application: Pick<PermitApplication, 'id' | 'kind' | 'applicationNumber'>,
  checkpoint: MaterialsCheckpoint,
): Promise<void> {
  const missing = await missingMaterials(manager, application);
  if (missing.length > 0) throw materialsMissing(application.applicationNumber, missing, checkpoint);
}

/**
 * A return notice lists everything missing at once (一次性告知): it may name attached materials that
 * need correcting, but not leave out one that is not attached.
 */
export async function assertNoticeNamesEverythingMissing(
  manager: EntityManager,
  application: Pick<PermitApplication, 'id' | 'kind' | 'applicationNumber'>,
  namedCodes: readonly string[],
): Promise<void> {
  const left = (await missingMaterials(manager, application)).filter((material) => !namedCodes.includes(material.code));
  if (left.length === 0) return;
  const error = LICENSING_ERRORS.error(
    'NOTICE_INCOMPLETE',
    `missingMaterialCodes must name everything missing at once (一次性告知); also missing: ${left.map((material) => `${material.code} (${material.name})`).join(', ')}`,
    'missingMaterialCodes',
  );
  Object.assign(error.extensions, { missingMaterials: described(left) });
  throw error;
}
