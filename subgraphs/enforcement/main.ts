import 'reflect-metadata';
import { runSubgraphProcess } from '../kit/subgraph-process';
import { enforcementSubgraph } from './enforcement.subgraph';

void runSubgraphProcess(enforcementSubgraph);
