// Imported first by credit-disclosure.bench.ts, before the harness reads the environment: the benchmark gets
// schemas of its own (a concurrent test run is not disturbed), no per-user rate limit, and the anonymous
// limit switched up so 50 anonymous clients measure the search rather than the limiter (it still counts).
process.env.TEST_SCHEMA_PREFIX ??= 'bench_credit_';
process.env.GATEWAY_RATE_LIMIT_PER_MINUTE ??= '0';
process.env.GATEWAY_ANONYMOUS_RATE_LIMIT_PER_MINUTE ??= '1000000';

export {};
