import 'reflect-metadata';
import { runSubgraphProcess } from '../kit/subgraph-process';
import { creditSubgraph } from './credit.subgraph';

void runSubgraphProcess(creditSubgraph);
