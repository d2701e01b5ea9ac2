import 'reflect-metadata';
import { buildAuditSchema } from '../gateway/audit/audit.subgraph';
import { buildExchangeSchema } from '../gateway/exchange/exchange.subgraph';
import { SUBGRAPH_NAMES } from '../platform/config/config';
import { undescribedSchemaElements } from '../platform/graphql/schema-descriptions';
import { SUBGRAPHS } from '../subgraphs/registry';

describe('the published schema', () => {
  it.each([...SUBGRAPH_NAMES])('describes every type, field, argument and enum value of %s', async (name) => {
    expect(undescribedSchemaElements(await SUBGRAPHS[name].buildSchema())).toEqual([]);
  });

  it('describes every type, field, argument and enum value of the audit subgraph', async () => {
    expect(undescribedSchemaElements(await buildAuditSchema())).toEqual([]);
  });

  it('describes every type, field, argument and enum value of the data exchange subgraph', async () => {
    expect(undescribedSchemaElements(await buildExchangeSchema())).toEqual([]);
  });
});
