// Imported first by statistics-export.bench.ts, before the test harness reads its settings: the
// benchmark uses schemas of its own (never dropping another run's) and runs as one analyst, unthrottled.
process.env.TEST_SCHEMA_PREFIX ??= 'bench_statexp_';
process.env.GATEWAY_RATE_LIMIT_PER_MINUTE ??= '0';

export {};
