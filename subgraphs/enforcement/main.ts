import 'reflect-metadata';
import { runSubgraphProcess } from '../../platform/subgraph-process';
import { enforcementSubgraph } from './enforcement.subgraph';

void runSubgraphProcess(enforcementSubgraph);
