import type { SubgraphName } from '../platform/config/config';
import type { SubgraphDefinition } from '../platform/subgraph-server';
import { creditSubgraph } from './credit/credit.subgraph';
import { enforcementSubgraph } from './enforcement/enforcement.subgraph';
import { licensingSubgraph } from './licensing/licensing.subgraph';
import { safetySubgraph } from './safety/safety.subgraph';
import { statisticsSubgraph } from './statistics/statistics.subgraph';

/** The five department subgraphs, in the order the single window starts them. */
export const SUBGRAPHS: Readonly<Record<SubgraphName, SubgraphDefinition<unknown, unknown>>> = {
  licensing: licensingSubgraph,
  enforcement: enforcementSubgraph,
  credit: creditSubgraph,
  safety: safetySubgraph,
  statistics: statisticsSubgraph,
};
