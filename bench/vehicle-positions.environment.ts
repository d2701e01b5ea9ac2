// Imported first by vehicle-positions.bench.ts, before the harness reads the environment: the benchmark gets
// schemas of its own, so a concurrent test run (schemas it_*) on the shared database is not disturbed.
process.env.TEST_SCHEMA_PREFIX ??= 'bench_positions_';

export {};
