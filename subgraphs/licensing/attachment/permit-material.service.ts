import DataLoader from 'dataloader';
import type { DataSource, EntityManager, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { inScope, type RegionScope } from '../../../platform/auth/region-scope';
import { assertText } from '../../../platform/codes/assert-input';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { forbidden, invalidInput, notFound } from '../../../platform/errors/domain-error';
import { conflict } from '../licensing.errors';
import type { FileStore } from '../../../platform/storage/file-store';
import type { Actor } from '../permit/actor';
import { ApplicationStatus } from '../permit/application-status';
import { PermitApplication } from '../permit/permit-application.entity';
import { materialOf, PERMIT_KINDS } from '../permit/permit-kind';
import { whereApplicationVisible } from '../permit/application-visibility';
import type { AttachPermitMaterialInput } from './inputs/attach-permit-material.input';
import { PermitMaterial } from './permit-material.entity';
import { wholeSeconds } from '../../../platform/time/whole-seconds';

/** The largest material accepted, decoded: scanned documents, not archives. */
export const MAX_MATERIAL_BYTES = 5 * 1024 * 1024;
// One character class, no nested repetition: linear on a 7 MB string.
const BASE64_CHARACTERS = /^[A-Za-z0-9+/]*={0,2}$/;
// Control characters, path separators and characters Windows refuses in file names.
// eslint-disable-next-line no-control-regex -- control characters are what this refuses
const BAD_FILE_NAME = /[\u0000-\u001f\u007f/\\:*?"<>|]/;

function size(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(1)} MiB (${bytes} bytes)`;
}

/**
 * Materials attached to applications: the bytes go to the file store (local directory by default),
 * the database keeps the metadata with the SM3 digest and the storage reference, and every read checks
 * the bytes against the digest again.
 */
export class PermitMaterialService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly files: FileStore,
  ) {}

  /** Materials of many applications, oldest first, in one statement; scoped again in SQL. */
  createMaterialsLoader(scope: RegionScope): DataLoader<number, PermitMaterial[]> {
    return new DataLoader(async (applicationIds) => {
      const query = this.dataSource
        .createQueryBuilder(PermitMaterial, 'material')
        .innerJoin(PermitApplication, 'application', 'application.id = material.applicationId')
        .where('material.applicationId IN (:...applicationIds)', { applicationIds: [...applicationIds] })
        .orderBy('material.id', 'ASC');
      const materials = await this.whereVisible(query, scope).getMany();
      return applicationIds.map((applicationId) =>
        materials.filter((material) => material.applicationId === applicationId),
      );
    });
  }

  /**
   * Attaches a material while the application is open to them: submitted and not yet accepted, returned
   * for correction, or waiting for the investment platform before acceptance.
   */
  async attach(
    scope: RegionScope,
    input: AttachPermitMaterialInput,
    actor: Actor,
  ): Promise<{ material: PermitMaterial; application: PermitApplication }> {
    const fileName = assertText('fileName', input.fileName, 200);
    if (BAD_FILE_NAME.test(fileName))
      throw invalidInput('fileName', 'must be a plain file name, without a path or control characters');
    const content = input.contentBase64.replace(/\s+/g, '');
    if (content.length === 0) throw invalidInput('contentBase64', 'must not be empty');
    // Checked on the encoded length first, so an oversized upload is not decoded at all.
    const decodedLength =
      Math.floor((content.length * 3) / 4) - (content.endsWith('==') ? 2 : content.endsWith('=') ? 1 : 0);
    if (decodedLength > MAX_MATERIAL_BYTES) {
      throw invalidInput(
        'contentBase64',
        `is ${size(decodedLength)}; a material may be at most ${size(MAX_MATERIAL_BYTES)}`,
      );
    }
    if (content.length % 4 !== 0 || !BASE64_CHARACTERS.test(content))
      throw invalidInput('contentBase64', 'is not base64');
    const bytes = Buffer.from(content, 'base64');
    // Node decodes leniently; a canonical round trip proves nothing was skipped.
    if (bytes.toString('base64') !== content) throw invalidInput('contentBase64', 'is not base64');

    const application = await this.openApplication(this.dataSource.manager, scope, input.applicationNumber, actor);
    const requirement = materialOf(application.kind, input.materialCode);
    if (!requirement)
      throw invalidInput('materialCode', `is not a material ${application.kind} requires (see permitKinds)`);
    // Stored before the metadata: a failed transaction leaves an unreferenced file, never a row without its file.
    const stored = await this.files.put(bytes);
    return inTransaction(this.dataSource, async (manager) => {
      const current = await this.openApplication(manager, scope, input.applicationNumber, actor);
      const material = manager.create(PermitMaterial, {
        applicationId: current.id,
        materialCode: requirement.code,
        materialName: requirement.name,
        fileName,
        sizeBytes: stored.sizeBytes,
        sm3Digest: stored.sm3Digest,
        storageReference: stored.storageReference,
        uploadedBy: actor.username,
        uploadedAt: wholeSeconds(),
      });
      await manager.insert(PermitMaterial, material);
      return { material, application: current };
    });
  }

  /** The bytes of a material the caller may see, base64, after checking them against the recorded SM3 digest. */
  async content(scope: RegionScope, id: string): Promise<string | null> {
    const materialId = Number(id);
    if (!Number.isSafeInteger(materialId) || materialId < 1) throw invalidInput('id', 'is not a material identifier');
    const query = this.dataSource
      .createQueryBuilder(PermitMaterial, 'material')
      .innerJoin(PermitApplication, 'application', 'application.id = material.applicationId')
      .addSelect('application.applicationNumber', 'application_number')
      .where('material.id = :materialId', { materialId });
    const { entities, raw } = await this.whereVisible(query, scope).getRawAndEntities<{ application_number: string }>();
    const material = entities[0];
    if (!material) return null;
    const bytes = await this.files.read(
      material.storageReference,
      material.sm3Digest,
      `Material ${material.id} (${material.materialCode}, ${material.fileName}) of application ${raw[0].application_number}`,
    );
    return bytes.toString('base64');
  }

  private async openApplication(
    manager: EntityManager,
    scope: RegionScope,
    applicationNumber: string,
    actor: Actor,
  ): Promise<PermitApplication> {
    const query = manager
      .createQueryBuilder(PermitApplication, 'application')
      .where('application.applicationNumber = :applicationNumber', { applicationNumber });
    const application = await this.whereVisible(query, scope).getOne();
    if (!application) throw notFound('Application', applicationNumber);
    if (!inScope(scope, application.regionCode))
      throw forbidden(
        `Application ${applicationNumber} is handled by ${application.regionCode}; materials are attached there`,
      );
    const roles = PERMIT_KINDS[application.kind].roles.submit;
    if (!roles.some((role) => actor.roles.has(role)))
      throw forbidden(`Only ${roles.join(' or ')} may attach materials to ${application.kind} applications`);
    const open =
      application.status === ApplicationStatus.SUBMITTED ||
      application.status === ApplicationStatus.RETURNED ||
      (application.status === ApplicationStatus.AWAITING_EXTERNAL_VERIFICATION && application.acceptedAt === null);
    if (!open) {
      throw conflict(
        'MATERIALS_CLOSED',
        `Application ${applicationNumber} is ${application.status}; materials are attached before acceptance or while it is returned for correction`,
      );
    }
    return application;
  }

  private whereVisible<TEntity extends ObjectLiteral>(
    query: SelectQueryBuilder<TEntity>,
    scope: RegionScope,
  ): SelectQueryBuilder<TEntity> {
    return whereApplicationVisible(this.dataSource, query, scope);
  }
}
