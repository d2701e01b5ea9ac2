import { loadConfigOrExit } from './config/config';
import { startSubgraph, type SubgraphDefinition } from './subgraph-server';

/** Entry for running one subgraph as its own process (the production shape). */
export async function runSubgraphProcess<TServices>(definition: SubgraphDefinition<TServices>): Promise<void> {
  const config = loadConfigOrExit();
  try {
    const running = await startSubgraph(definition, config);
    const shutdown = () => {
      void running.close().finally(() => process.exit(0));
    };
    process.once('SIGTERM', shutdown);
    process.once('SIGINT', shutdown);
  } catch (error) {
    console.error(`${definition.name} failed to start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
