// Imported first by gateway-memory.bench.ts, before the harness reads the environment: schemas of its own
// and no rate limit (100,000 requests from 50 callers would meet it).
process.env.TEST_SCHEMA_PREFIX ??= 'bmem_';
process.env.GATEWAY_RATE_LIMIT_PER_MINUTE ??= '0';

export {};
