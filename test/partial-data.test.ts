import { gql } from './generated';
import { gatewayUrl, graphql, restartService, stopService, tokenFor } from './harness/single-window.client';

describe('a department subgraph that is down', () => {
  afterAll(async () => {
    await restartService('credit');
  });

  it('leaves the rest of the single window answering, with an error naming the missing part', async () => {
    await stopService('credit');
    const result = await graphql(
      gql(`
        query PartialSingleWindow {
          enterprise(creditCode: "91320102MA1MY0R10Q") {
            name
            permits(first: 1) {
              totalCount
            }
            creditProfile {
              rating
            }
          }
        }
      `),
      {},
      { token: await tokenFor('ministry-admin') },
    );
    expect(result.status).toBe(200);
    expect(result.data?.enterprise?.name).toBe('南京玄武危险品运输有限公司');
    expect(result.data?.enterprise?.permits?.totalCount).toBeGreaterThan(0);
    expect(result.data?.enterprise?.creditProfile).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE', serviceName: 'credit' });
    expect(result.errors?.[0]?.message).not.toMatch(/127\.0\.0\.1|ECONNREFUSED/);

    const ready = await fetch(`${gatewayUrl()}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'degraded', subgraphs: { credit: 'down', licensing: 'up' } });
  });
});
