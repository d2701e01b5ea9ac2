import 'reflect-metadata';
import { runSubgraphProcess } from '../../platform/subgraph-process';
import { statisticsSubgraph } from './statistics.subgraph';

void runSubgraphProcess(statisticsSubgraph);
