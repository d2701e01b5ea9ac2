import { expect } from '@jest/globals';
import { DataSource, getMetadataArgsStorage } from 'typeorm';
import type { SubgraphName } from '../platform/config/config';
import { EncryptedColumnTransformer, encryptedColumnsOf } from '../platform/crypto/encrypted-column';
import { fieldsOfKind, TextKind, type TextFieldRules } from '../platform/graphql/text-fields';
import { CREDIT_TEXT_FIELDS } from '../subgraphs/credit/credit.text-fields';
import { ENFORCEMENT_TEXT_FIELDS } from '../subgraphs/enforcement/enforcement.text-fields';
import { LICENSING_TEXT_FIELDS } from '../subgraphs/licensing/licensing.text-fields';
import { SUBGRAPHS } from '../subgraphs/registry';
import { SAFETY_TEXT_FIELDS } from '../subgraphs/safety/safety.text-fields';
import { STATISTICS_TEXT_FIELDS } from '../subgraphs/statistics/statistics.text-fields';

// A field the schema marks as personal information (a person's name, a resident ID or phone number) is
// stored encrypted: whoever adds one to an entity without the encrypted transformer fails here, by name.

const RULES: Record<SubgraphName, TextFieldRules> = {
  licensing: LICENSING_TEXT_FIELDS,
  enforcement: ENFORCEMENT_TEXT_FIELDS,
  credit: CREDIT_TEXT_FIELDS,
  safety: SAFETY_TEXT_FIELDS,
  statistics: STATISTICS_TEXT_FIELDS,
};
const PERSONAL = [TextKind.PERSON_NAME, TextKind.RESIDENT_ID, TextKind.PHONE_NUMBER];

describe('columns that hold personal information', () => {
  it.each(Object.keys(RULES) as SubgraphName[])('are encrypted at rest in %s', (name) => {
    const entities = new Set<unknown>(SUBGRAPHS[name].entities as unknown[]);
    const columns = getMetadataArgsStorage().columns.filter((column) => entities.has(column.target));
    const unencrypted = PERSONAL.flatMap((kind) => fieldsOfKind(RULES[name], kind)).filter((coordinate) => {
      const [typeName, fieldName] = coordinate.split('.');
      const column = columns.find(
        (candidate) =>
          (candidate.target as { name?: string }).name === typeName && candidate.propertyName === fieldName,
      );
      // Every such field today is an entity column of the same name; a computed one would need its own check.
      return !(column?.options.transformer instanceof EncryptedColumnTransformer);
    });
    expect(unencrypted).toEqual([]);
  });

  it.each(Object.keys(RULES) as SubgraphName[])(
    'name their own table and column in %s (bound into every MAC)',
    async (name) => {
      const dataSource = new DataSource({
        type: 'better-sqlite3',
        database: ':memory:',
        entities: SUBGRAPHS[name].entities,
      });
      await dataSource.initialize();
      try {
        const labels = dataSource.entityMetadatas.flatMap((metadata) =>
          encryptedColumnsOf(metadata).map((column) => [
            column.transformer.options.column,
            `${metadata.tableName}.${column.databaseName}`,
          ]),
        );
        for (const [label, actual] of labels) expect(label).toBe(actual);
      } finally {
        await dataSource.destroy();
      }
    },
  );

  it('exist, so the check above checks something', () => {
    const personal = Object.values(RULES).flatMap((rules) => PERSONAL.flatMap((kind) => fieldsOfKind(rules, kind)));
    expect(personal.sort()).toEqual([
      'EnforcementCase.partyIdNumber',
      'EnforcementCase.partyName',
      'Enterprise.contactPhone',
      'Enterprise.legalRepresentative',
      'Waybill.driverName',
      'Waybill.driverQualificationNumber',
      'Waybill.escortName',
      'Waybill.escortQualificationNumber',
    ]);
  });
});
