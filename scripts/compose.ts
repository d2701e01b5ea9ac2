import 'reflect-metadata';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfigOrExit } from '../platform/config/config';
import { brokenOperations, operationsToCheck } from './operation-check';
import { COMPOSED_SUBGRAPHS, composeSupergraph } from './supergraph.composer';

// `npm run compose`: writes schema/<subgraph>.graphql, schema/supergraph.graphql, schema/api.graphql and
// schema/supergraph.yaml, unless the composed API schema breaks an operation a client may run (the
// operation check: the registered operations in the gateway's database, else the seed files).
async function main(): Promise<void> {
  const composed = await composeSupergraph();
  const { operations, source } = await operationsToCheck(loadConfigOrExit());
  const broken = brokenOperations(composed.apiSdl, operations);
  if (broken.length > 0) {
    throw new Error(
      `Operation check failed: the composed schema breaks ${broken.length} registered operation(s) ` +
        `(checked ${operations.length} from ${source}); nothing was written:\n` +
        broken.map((line) => `  - ${line}`).join('\n'),
    );
  }
  console.log(`operation check: ${operations.length} registered operation(s) still valid (${source})`);
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
