import 'reflect-metadata';
import { runSubgraphProcess } from '../../platform/subgraph-process';
import { licensingSubgraph } from './licensing.subgraph';

void runSubgraphProcess(licensingSubgraph);
