import 'reflect-metadata';
import { runSubgraphProcess } from '../kit/subgraph-process';
import { safetySubgraph } from './safety.subgraph';

void runSubgraphProcess(safetySubgraph);
