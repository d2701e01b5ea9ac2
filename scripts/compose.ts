import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { COMPOSED_SUBGRAPHS, composeSupergraph } from './supergraph.composer';

// `npm run compose`: writes schema/<subgraph>.graphql, schema/supergraph.graphql, schema/api.graphql and
// schema/supergraph.yaml.
async function main(): Promise<void> {
  const composed = await composeSupergraph();
  const directory = 'schema';
  mkdirSync(directory, { recursive: true });
  for (const name of COMPOSED_SUBGRAPHS) writeFileSync(join(directory, `${name}.graphql`), composed.subgraphSdl[name]);
  writeFileSync(join(directory, 'supergraph.graphql'), composed.supergraphSdl);
  writeFileSync(join(directory, 'api.graphql'), composed.apiSdl);
  writeFileSync(join(directory, 'supergraph.yaml'), composed.supergraphYaml);
  console.log(`composed ${COMPOSED_SUBGRAPHS.length} subgraphs into ${join(directory, 'supergraph.graphql')}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
