import 'reflect-metadata';
import { runSubgraphProcess } from '../kit/subgraph-process';
import { licensingSubgraph } from './licensing.subgraph';

void runSubgraphProcess(licensingSubgraph);
