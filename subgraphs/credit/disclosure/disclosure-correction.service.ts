import type { DataSource, EntityManager } from 'typeorm';
import { inScope, type RegionScope } from '../../../platform/auth/region-scope';
import { assertInteger, assertPublicText, assertText } from '../../../platform/codes/assert-input';
import { inTransaction } from '../../../platform/database/data-source.factory';
import { forbidden, invalidInput, notFound } from '../../../platform/errors/domain-error';
import { CreditDisclosure } from './credit-disclosure.entity';
import type { CreditDisclosureRevision } from './credit-disclosure-revision.entity';
import { DisclosureKind, DisclosureRevisionKind } from './disclosure-kind';
import { endOfChinaDay } from './disclosure-rules';
import { changedFields, type DisclosureRevisions, type DisclosureValues } from './disclosure-revisions';
import type { CorrectCreditDisclosureInput } from './inputs/correct-credit-disclosure.input';
import { publicityPeriod, severityOf, type PublicityRules } from './publicity-rules';

const REASON_MAX_LENGTH = 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The disclosure of an id as typed by a caller, or null when it cannot be one. */
export function disclosureIdOf(id: string): number | null {
  const value = Number(id);
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

function assertDate(field: string, value: string): string {
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`)))
    throw invalidInput(field, 'must be a date YYYY-MM-DD');
  return value;
}

/**
 * Corrections (更正) of disclosures by credit officers of the deciding region, and the history every
 * version leaves. Nothing is deleted: a correction is a new version with its reason.
 */
export class DisclosureCorrectionService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly revisions: DisclosureRevisions,
    private readonly publicity: PublicityRules,
  ) {}

  async correct(scope: RegionScope, input: CorrectCreditDisclosureInput, actor: string): Promise<CreditDisclosure> {
    const reason = assertText('reason', input.reason ?? '', REASON_MAX_LENGTH);
    const id = disclosureIdOf(input.id);
    if (id === null) throw invalidInput('id', 'is not a disclosure identifier');
    assertInteger('expectedVersion', input.expectedVersion, 1, 2_147_483_647);
    // Public text: what is typed here is shown to everyone, so it may not hold personal information.
    const values: DisclosureValues = {};
    if (input.counterpartName != null)
      values.counterpartName = assertPublicText('counterpartName', input.counterpartName, 200);
    if (input.matter != null) values.matter = assertPublicText('matter', input.matter, 1000);
    if (input.legalBasis != null) values.legalBasis = assertPublicText('legalBasis', input.legalBasis, 500);
    if (input.content != null) values.content = assertPublicText('content', input.content, 1200);
    if (input.fineFen != null) values.fineFen = assertInteger('fineFen', input.fineFen, 0, Number.MAX_SAFE_INTEGER);
    if (input.validFrom != null) values.validFrom = assertDate('validFrom', input.validFrom);
    if (input.validUntil != null) values.validUntil = assertDate('validUntil', input.validUntil);

    return inTransaction(this.dataSource, async (manager) => {
      const disclosure = await this.authorityOf(manager, scope, id);
      this.assertFitsKind(disclosure, values);
      Object.assign(values, this.consequences(disclosure, values));
      if (changedFields(disclosure, values).length === 0)
        throw invalidInput('input', 'changes nothing: state at least one field with a new value');
      return this.revisions.revise(
        manager,
        disclosure,
        values,
        { kind: DisclosureRevisionKind.CORRECTED, reason, actor },
        input.expectedVersion,
      );
    });
  }

  /** The disclosure with its revisions, oldest first; read nationally by credit officers like every credit file. */
  async history(id: string): Promise<{ disclosure: CreditDisclosure; revisions: CreditDisclosureRevision[] } | null> {
    const disclosureId = disclosureIdOf(id);
    if (disclosureId === null) throw invalidInput('id', 'is not a disclosure identifier');
    const disclosure = await this.dataSource.manager.findOneBy(CreditDisclosure, { id: disclosureId });
    if (!disclosure) return null;
    return { disclosure, revisions: await this.revisions.historyOf(this.dataSource.manager, disclosureId) };
  }

  /** A disclosure of an authority within the officer's region, for a write. */
  async authorityOf(manager: EntityManager, scope: RegionScope, id: number): Promise<CreditDisclosure> {
    const disclosure = await manager.findOneBy(CreditDisclosure, { id });
    if (!disclosure) throw notFound('Disclosure', String(id));
    if (!inScope(scope, disclosure.authorityCode))
      throw forbidden(
        `Disclosure ${id} was decided by ${disclosure.authorityCode}; only credit officers of that region may change it`,
      );
    return disclosure;
  }

  private assertFitsKind(disclosure: CreditDisclosure, values: DisclosureValues): void {
    const licence = disclosure.kind === DisclosureKind.ADMINISTRATIVE_LICENSE;
    if (licence && values.fineFen !== undefined) throw invalidInput('fineFen', 'is not a field of a licence');
    if (!licence && values.validFrom !== undefined) throw invalidInput('validFrom', 'is not a field of a penalty');
    if (!licence && values.validUntil !== undefined) throw invalidInput('validUntil', 'is not a field of a penalty');
    const from = values.validFrom ?? disclosure.validFrom;
    const until = values.validUntil ?? disclosure.validUntil;
    if (licence && from !== null && until !== null && from > until)
      throw invalidInput('validUntil', 'must not be before validFrom');
  }

  /** What follows from corrected fields while the disclosure is shown: the period of a new amount or validity. */
  private consequences(disclosure: CreditDisclosure, values: DisclosureValues): DisclosureValues {
    if (disclosure.displayEndedAt !== null) return {};
    if (values.validUntil !== undefined && values.validUntil !== null)
      return { publicUntil: endOfChinaDay(values.validUntil) };
    if (values.fineFen === undefined || disclosure.penaltyKind === null) return {};
    const severity = severityOf({ penalty: disclosure.penaltyKind, fineFen: values.fineFen }, this.publicity);
    return { severity, ...publicityPeriod(disclosure.decidedAt, severity, this.publicity) };
  }
}
