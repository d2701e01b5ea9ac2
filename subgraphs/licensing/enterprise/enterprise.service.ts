import DataLoader from 'dataloader';
import { In, type DataSource, type FindOptionsWhere } from 'typeorm';
import {
  assertCreditCode,
  assertPhoneNumber,
  assertPublicText,
  assertRegionCode,
  assertText,
} from '../../../platform/codes/assert-input';
import { inScope, narrowedPrefix, withinPrefix, type RegionScope } from '../../../platform/auth/region-scope';
import { inTransaction } from '../../../platform/database/data-source.factory';
import type { EventOutbox } from '../../../platform/outbox/event-outbox';
import { forbidden } from '../../../platform/errors/domain-error';
import { conflict } from '../licensing.errors';
import { listPage } from '../../../platform/database/list-page';
import { toConnection, type Connection, type PageRequest } from '../../../platform/graphql/connection';
import { CONTACT_PHONE_CIPHER, Enterprise } from './enterprise.entity';
import type { RegisterEnterpriseInput } from './inputs/register-enterprise.input';

export class EnterpriseService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly outbox: EventOutbox,
  ) {}

  /**
   * Batches lookups by credit code: one statement per request, however many references arrive. Only
   * enterprises in the caller's region scope are found; others read as unregistered.
   */
  createLoader(scope: RegionScope): DataLoader<string, Enterprise | null> {
    return new DataLoader(async (creditCodes) => {
      const found = await this.dataSource
        .getRepository(Enterprise)
        .findBy({ creditCode: In([...creditCodes]), ...withinPrefix('regionCode', scope.prefix) });
      const byCode = new Map(found.map((enterprise) => [enterprise.creditCode, enterprise]));
      return creditCodes.map((code) => byCode.get(code) ?? null);
    });
  }

  /** The registry in the scope, within a region, or the enterprises with this contact phone (by its blind index). */
  async list(
    scope: RegionScope,
    regionCode: string | null,
    page: PageRequest,
    contactPhone: string | null = null,
  ): Promise<Connection<Enterprise>> {
    if (regionCode !== null) assertRegionCode('regionCode', regionCode);
    const phone = contactPhone === null ? null : assertPhoneNumber('contactPhone', contactPhone);
    const prefix = narrowedPrefix(scope, regionCode);
    if (prefix === null) return toConnection([], 0, page);
    const where: FindOptionsWhere<Enterprise> = {
      ...withinPrefix('regionCode', prefix),
      ...(phone === null ? {} : { contactPhoneIndex: CONTACT_PHONE_CIPHER.indexOf(phone) }),
    };
    return listPage(this.dataSource.getRepository(Enterprise), where, page);
  }

  async register(scope: RegionScope, input: RegisterEnterpriseInput): Promise<Enterprise> {
    assertCreditCode('creditCode', input.creditCode);
    assertRegionCode('regionCode', input.regionCode);
    if (!inScope(scope, input.regionCode))
      throw forbidden(`You may register enterprises only within region ${scope.region}`);
    const values = {
      creditCode: input.creditCode,
      name: assertPublicText('name', input.name, 200),
      legalRepresentative: assertText('legalRepresentative', input.legalRepresentative, 100),
      regionCode: input.regionCode,
      address: assertText('address', input.address, 300),
      contactPhone:
        (input.contactPhone ?? null) === null ? null : assertPhoneNumber('contactPhone', input.contactPhone!),
      registeredAt: new Date(),
    };
    return inTransaction(this.dataSource, async (manager) => {
      if (await manager.existsBy(Enterprise, { creditCode: input.creditCode })) {
        throw conflict('ENTERPRISE_EXISTS', `Enterprise ${input.creditCode} is already registered`);
      }
      const enterprise = await manager.save(manager.create(Enterprise, values));
      await this.outbox.publish(manager, 'enterprise.registered', {
        creditCode: enterprise.creditCode,
        name: enterprise.name,
        regionCode: enterprise.regionCode,
        registeredAt: enterprise.registeredAt.toISOString(),
      });
      return enterprise;
    });
  }
}
