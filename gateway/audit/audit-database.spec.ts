import type { DataSource } from 'typeorm';
import type { PlatformConfig } from '../../platform/config/config';
import { DatabaseFailure, databaseFailureOf } from '../../platform/database/database-errors';
import { createLogger } from '../../platform/observability/logger';
import { GatewayDatabase, GatewayDatabaseUnavailable } from './audit-database';

const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:3306'), { code: 'ECONNREFUSED' });

describe("the gateway's database", () => {
  it('lets the gateway start while it is down, reports an outage, and opens once it is reachable', async () => {
    let attempts = 0;
    const opened = { destroy: () => Promise.resolve() } as unknown as DataSource;
    const database = await GatewayDatabase.start({} as PlatformConfig, createLogger('spec', 'error'), {
      maxBackoffMs: 20,
      open: () => {
        attempts += 1;
        return attempts < 4 ? Promise.reject(refused()) : Promise.resolve(opened);
      },
    });
    let outage: unknown;
    try {
      database.current();
    } catch (error) {
      outage = error;
    }
    expect(outage).toBeInstanceOf(GatewayDatabaseUnavailable);
    // Told apart from a bug: the audit subgraph answers SERVICE_UNAVAILABLE, retryable.
    expect(databaseFailureOf(outage)).toBe(DatabaseFailure.UNAVAILABLE);
    // Retried in the background until it is reached.
    const deadline = Date.now() + 5_000;
    const reached = async (): Promise<DataSource> => {
      try {
        return database.current();
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((resolve) => setTimeout(resolve, 10));
        return reached();
      }
    };
    expect(await reached()).toBe(opened);
    expect(attempts).toBe(4);
    await database.close();
  });
});
