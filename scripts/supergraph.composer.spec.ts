import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print, visit } from 'graphql';
import { brokenOperations, seedOperations } from './operation-check';
import { buildSubgraphSdl, COMPOSED_SUBGRAPHS, composeSubgraphSdl, composeSupergraph } from './supergraph.composer';

const schemaDirectory = join(__dirname, '..', '..', 'schema');

describe('committed schema files', () => {
  it('match what `npm run compose` produces from the code (run it after changing a subgraph)', async () => {
    const composed = await composeSupergraph();
    for (const name of COMPOSED_SUBGRAPHS) {
      expect(readFileSync(join(schemaDirectory, `${name}.graphql`), 'utf8')).toBe(composed.subgraphSdl[name]);
    }
    expect(readFileSync(join(schemaDirectory, 'supergraph.graphql'), 'utf8')).toBe(composed.supergraphSdl);
    expect(readFileSync(join(schemaDirectory, 'api.graphql'), 'utf8')).toBe(composed.apiSdl);
    expect(readFileSync(join(schemaDirectory, 'supergraph.yaml'), 'utf8')).toBe(composed.supergraphYaml);
  });

  it('compose the single-window query fields from all five subgraphs onto Enterprise', async () => {
    const { supergraphSdl } = await composeSupergraph();
    const enterprise = /type Enterprise\b[^{]*\{([\s\S]*?)\n\}/.exec(supergraphSdl)?.[1] ?? '';
    for (const field of ['permits', 'enforcementCases', 'creditProfile', 'waybills', 'activitySummary']) {
      expect(enterprise).toMatch(new RegExp(`\\n\\s+${field}\\(|\\n\\s+${field}:`));
    }
  });
});

/** The SDL without one field of one type, as a subgraph change that removes it would print it. */
function withoutField(sdl: string, typeName: string, fieldName: string): string {
  const document = visit(parse(sdl), {
    ObjectTypeDefinition: (node) =>
      node.name.value === typeName
        ? { ...node, fields: node.fields?.filter((field) => field.name.value !== fieldName) }
        : undefined,
  });
  return print(document);
}

describe('the operation check', () => {
  const seeds = seedOperations(join(__dirname, '..', '..', 'gateway', 'persisted-operations'));

  it('finds every seed operation valid against the committed schema', async () => {
    const { apiSdl } = await composeSupergraph();
    expect(seeds.map((seed) => seed.name)).toContain('EnterpriseCreditAndPermits');
    expect(brokenOperations(apiSdl, seeds)).toEqual([]);
  });

  it('fails a composition that removes a field a seed operation reads, naming it, its version and owner', async () => {
    const subgraphSdl = await buildSubgraphSdl();
    const { apiSdl } = composeSubgraphSdl({
      ...subgraphSdl,
      credit: withoutField(subgraphSdl.credit, 'CreditProfile', 'rating'),
    });
    expect(brokenOperations(apiSdl, seeds)).toEqual([
      'partner-ndrc/EnterpriseCreditAndPermits (seed file, registered by seed): Cannot query field "rating" on type "CreditProfile".',
    ]);
    const seed = seeds.find((operation) => operation.name === 'EnterpriseCreditAndPermits')!;
    const registered = { ...seed, version: 3, registeredBy: 'ndrc-partner-admin' };
    expect(brokenOperations(apiSdl, [registered])[0]).toMatch(
      /^partner-ndrc\/EnterpriseCreditAndPermits \(version 3, registered by ndrc-partner-admin\)/,
    );
  });
});
