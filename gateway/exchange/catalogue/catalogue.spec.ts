import { GraphQLError } from 'graphql';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldsOfKind, TextKind, type TextFieldRules } from '../../../platform/graphql/text-fields';
import { CREDIT_TEXT_FIELDS } from '../../../subgraphs/credit/credit.text-fields';
import { ENFORCEMENT_TEXT_FIELDS } from '../../../subgraphs/enforcement/enforcement.text-fields';
import { LICENSING_TEXT_FIELDS } from '../../../subgraphs/licensing/licensing.text-fields';
import { SAFETY_TEXT_FIELDS } from '../../../subgraphs/safety/safety.text-fields';
import { STATISTICS_TEXT_FIELDS } from '../../../subgraphs/statistics/statistics.text-fields';
import { AUDIT_TEXT_FIELDS } from '../../audit/audit.text-fields';
import { EXCHANGE_TEXT_FIELDS } from '../exchange.subgraph';
import { Catalogue, ShareClass } from './catalogue';
import { filterCatalogue } from './catalogue.schema';

const supergraphSdl = readFileSync(join(__dirname, '..', '..', '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
const catalogue = Catalogue.fromSupergraph(supergraphSdl);

const TEXT_RULES: Record<string, TextFieldRules> = {
  licensing: LICENSING_TEXT_FIELDS,
  enforcement: ENFORCEMENT_TEXT_FIELDS,
  credit: CREDIT_TEXT_FIELDS,
  safety: SAFETY_TEXT_FIELDS,
  statistics: STATISTICS_TEXT_FIELDS,
  audit: AUDIT_TEXT_FIELDS,
  exchange: EXCHANGE_TEXT_FIELDS,
};
const PERSONAL_KINDS = [TextKind.PERSON_NAME, TextKind.RESIDENT_ID, TextKind.PHONE_NUMBER];

function errorOf(run: () => unknown): GraphQLError {
  try {
    run();
  } catch (error) {
    if (error instanceof GraphQLError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

function itemOf(coordinate: string) {
  const item = catalogue.item(coordinate);
  if (!item) throw new Error(`${coordinate} is not in the catalogue`);
  return item;
}

describe('the catalogue read from the committed supergraph', () => {
  it('holds the anchors other parts rely on', () => {
    expect(itemOf('Enterprise.name')).toMatchObject({
      department: 'licensing',
      category: 'registry',
      shareClass: ShareClass.UNCONDITIONAL,
    });
    expect(itemOf('Permit.status')).toMatchObject({
      department: 'licensing',
      category: 'licensing',
      shareClass: ShareClass.UNCONDITIONAL,
    });
    expect(itemOf('CreditListEntry.criterion')).toMatchObject({
      department: 'credit',
      category: 'credit',
      shareClass: ShareClass.CONDITIONAL,
    });
    expect(itemOf('CreditListEntry.criterion').legalBasis).toContain('《政务信息资源共享管理暂行办法》');
    expect(itemOf('Permit.status').description).toMatch(/\S/);
  });

  it('never shares evidence, the audit trail or the exchange’s own records', () => {
    for (const typeName of ['CaseEvidence', 'CaseEvidenceContent', 'AuditRecord', 'DataGrant', 'CatalogueItem']) {
      const fields = catalogue.items().filter((item) => item.typeName === typeName);
      expect(fields.length).toBeGreaterThan(0);
      expect(fields.filter((item) => item.shareClass !== ShareClass.NOT_SHARED)).toEqual([]);
    }
    expect(itemOf('AuditRecord.username')).toMatchObject({ department: 'audit', category: 'audit' });
    expect(itemOf('DataGrant.coordinate')).toMatchObject({ department: 'exchange', category: 'exchange' });
  });

  it('gives an entity field the subgraph that resolves it, and a shared key its home subgraph', () => {
    expect(itemOf('Enterprise.creditProfile')).toMatchObject({ department: 'credit', category: 'credit' });
    expect(itemOf('Enterprise.waybills')).toMatchObject({ department: 'safety', category: 'safety' });
    expect(itemOf('Enterprise.creditCode')).toMatchObject({ department: 'licensing', category: 'registry' });
    expect(itemOf('Vehicle.plateNumber')).toMatchObject({ department: 'licensing', category: 'registry' });
  });

  it('lists no root type and no structure (connections, edges, PageInfo, payloads)', () => {
    const typeNames = new Set(catalogue.items().map((item) => item.typeName));
    for (const structure of ['Query', 'Mutation', 'PageInfo', 'PermitConnection', 'PermitEdge', 'PermitPayload'])
      expect(typeNames.has(structure)).toBe(false);
    expect(typeNames.has('Permit')).toBe(true);
  });

  it('marks personal exactly what a text rule masks as a name, an ID number or a phone number', () => {
    for (const [department, rules] of Object.entries(TEXT_RULES)) {
      const personalByRule = PERSONAL_KINDS.flatMap((kind) => fieldsOfKind(rules, kind)).sort();
      const flagged = catalogue
        .items()
        .filter((item) => item.department === department && item.personalInformation)
        .map((item) => item.coordinate)
        .sort();
      expect({ department, personal: flagged }).toEqual({ department, personal: personalByRule });
    }
    expect(itemOf('EnforcementCase.partyIdNumber').personalInformation).toBe(true);
  });

  it('never shares personal information', () => {
    const shared = catalogue
      .items()
      .filter((item) => item.personalInformation && item.shareClass !== ShareClass.NOT_SHARED);
    expect(shared.map((item) => item.coordinate)).toEqual([]);
  });

  it('uses only the categories partner clients are scoped by, plus audit and exchange', () => {
    const categories = new Set(catalogue.items().map((item) => item.category));
    expect([...categories].sort()).toEqual(
      ['audit', 'credit', 'enforcement', 'exchange', 'licensing', 'registry', 'safety', 'statistics'].sort(),
    );
  });

  it('refuses a supergraph with a data field that has no entry', () => {
    const start = supergraphSdl.indexOf('\ntype CreditListEntry\n');
    const stripped =
      supergraphSdl.slice(0, start) +
      supergraphSdl.slice(start).replace(/(\n\s+criterion: ListCriterion!) @catalogue\([^\n]*\)/, '$1');
    expect(stripped).not.toBe(supergraphSdl);
    expect(() => Catalogue.fromSupergraph(stripped)).toThrow(/CreditListEntry\.criterion has no catalogue entry/);
  });
});

describe('dataCatalogue filters', () => {
  it('select by department, share class, category and text together', () => {
    const items = filterCatalogue(catalogue, { department: 'credit', shareClass: ShareClass.CONDITIONAL });
    expect(items.length).toBeGreaterThan(0);
    expect(items.every((item) => item.department === 'credit' && item.shareClass === ShareClass.CONDITIONAL)).toBe(
      true,
    );
    expect(items.map((item) => item.coordinate)).toContain('CreditListEntry.criterion');
    const found = filterCatalogue(catalogue, { category: 'registry', search: 'enterprise.NAME' });
    expect(found.map((item) => item.coordinate)).toEqual(['Enterprise.name']);
  });

  it('refuse an unknown department or category as bad input naming the argument', () => {
    expect(errorOf(() => filterCatalogue(catalogue, { department: 'finance' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'department',
    });
    expect(errorOf(() => filterCatalogue(catalogue, { category: 'tax' })).extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'category',
    });
  });
});
