import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { entityReferences } from './entity-references';
import { COMPOSED_SUBGRAPHS } from './supergraph.composer';

const schemaDirectory = join(__dirname, '..', '..', 'schema');
const subgraphSdl = Object.fromEntries(
  COMPOSED_SUBGRAPHS.map((name) => [name, readFileSync(join(schemaDirectory, `${name}.graphql`), 'utf8')]),
);

describe('fields returning another subgraph’s entity', () => {
  const references = entityReferences(subgraphSdl);

  it('are found in every subgraph that returns one (enforcement and safety return licensing’s entities)', () => {
    expect(references.map((reference) => `${reference.subgraph}: ${reference.field} -> ${reference.entity}`)).toEqual(
      expect.arrayContaining([
        'enforcement: OverloadRecord.enterprise -> Enterprise',
        'enforcement: EnforcementCase.vehicle -> Vehicle',
        'safety: Waybill.carrier -> Enterprise',
      ]),
    );
    expect(references.find((reference) => reference.field === 'Waybill.carrier')?.resolvedElsewhere).toContain('name');
  });

  it('are nullable, so an entity the caller may not read comes back as a clean null', () => {
    expect(references.filter((reference) => !reference.nullable).map((reference) => reference.field)).toEqual([]);
  });

  it('would be flagged when not nullable', () => {
    const owner =
      'type Query { a: Int } type Enterprise @key(fields: "creditCode") { creditCode: String! name: String! }';
    const referrer =
      'type Query { b: Int } type Waybill { carrier: Enterprise! carriers: [Enterprise!] } type Enterprise @key(fields: "creditCode") { creditCode: String! }';
    expect(entityReferences({ licensing: owner, safety: referrer })).toEqual([
      {
        subgraph: 'safety',
        field: 'Waybill.carrier',
        entity: 'Enterprise',
        resolvedElsewhere: ['name'],
        nullable: false,
      },
      {
        subgraph: 'safety',
        field: 'Waybill.carriers',
        entity: 'Enterprise',
        resolvedElsewhere: ['name'],
        nullable: false,
      },
    ]);
  });
});
