// Imported first by statistics.bench.ts, before the harness reads the environment: the benchmark gets
// schemas of its own (a concurrent test run is not disturbed) and no rate limit (it would measure itself).
process.env.TEST_SCHEMA_PREFIX ??= 'bench_statistics_';
process.env.GATEWAY_RATE_LIMIT_PER_MINUTE ??= '0';

export {};
