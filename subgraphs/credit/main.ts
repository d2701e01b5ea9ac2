import 'reflect-metadata';
import { runSubgraphProcess } from '../../platform/subgraph-process';
import { creditSubgraph } from './credit.subgraph';

void runSubgraphProcess(creditSubgraph);
