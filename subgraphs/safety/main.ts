import 'reflect-metadata';
import { runSubgraphProcess } from '../../platform/subgraph-process';
import { safetySubgraph } from './safety.subgraph';

void runSubgraphProcess(safetySubgraph);
