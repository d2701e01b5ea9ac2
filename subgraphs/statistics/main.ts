import 'reflect-metadata';
import { runSubgraphProcess } from '../kit/subgraph-process';
import { statisticsSubgraph } from './statistics.subgraph';

void runSubgraphProcess(statisticsSubgraph);
