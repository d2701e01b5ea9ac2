import { loadProcessConfigOrExit } from './config/config';
import { cryptoSelfTestOrExit } from './crypto/self-test';
import { NO_SETTINGS, type ConfigSection } from './config/config-section';
import { startSubgraph, type SettingsArgument, type SubgraphDefinition } from './subgraph-server';

/** Entry for running one subgraph as its own process (the production shape). */
export async function runSubgraphProcess<TServices, TSettings, TExternals>(
  definition: SubgraphDefinition<TServices, TSettings, TExternals>,
): Promise<void> {
  cryptoSelfTestOrExit(definition.name);
  // The platform's settings and the department's own, validated together: every problem is printed.
  // A definition without a section has no settings (TSettings is undefined).
  const own = definition.config ?? (NO_SETTINGS as ConfigSection<unknown> as ConfigSection<TSettings>);
  const { config, settings } = loadProcessConfigOrExit({ own });
  try {
    const running = await startSubgraph(definition, config, ...([settings.own] as SettingsArgument<TSettings>));
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
