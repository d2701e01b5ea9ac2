import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPOSED_SUBGRAPHS, composeSupergraph } from './supergraph.composer';

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
