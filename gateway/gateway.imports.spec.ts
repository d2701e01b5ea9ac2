import { execFile } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';

// The gateway runs without type-graphql and without being handed the reflect-metadata polyfill: every
// module under gateway/ must load in a fresh Node process that has neither (jest's own process has the
// polyfill, so each module is required in a child of its own). TypeORM loads the polyfill for itself
// when the audit database is imported; nothing of ours may depend on it being there first.

const distRoot = join(__dirname, '..');

// Reports what loading one module did, as JSON on stdout.
const PROBE = `
const before = typeof Reflect.getMetadata;
let error = null;
try { require(process.argv[1]); } catch (caught) { error = String(caught && caught.message || caught).slice(0, 300); }
const loaded = Object.keys(require.cache);
process.stdout.write(JSON.stringify({
  polyfillBefore: before !== 'undefined',
  error,
  typeGraphql: loaded.some((file) => file.includes('/node_modules/type-graphql/')),
}));
`;

interface ProbeResult {
  polyfillBefore: boolean;
  error: string | null;
  typeGraphql: boolean;
}

function probe(file: string): Promise<ProbeResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ['-e', PROBE, file], { cwd: distRoot, timeout: 300_000 }, (error, stdout) => {
      if (error && !stdout) reject(new Error(`probing ${file} failed: ${error.message}`));
      else resolve(JSON.parse(stdout) as ProbeResult);
    });
  });
}

function modulesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return modulesUnder(path);
    return entry.name.endsWith('.js') && !entry.name.endsWith('.spec.js') ? [path] : [];
  });
}

async function probeAll(files: string[], parallel = 2): Promise<Map<string, ProbeResult>> {
  const results = new Map<string, ProbeResult>();
  const queue = [...files];
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      for (let file = queue.shift(); file; file = queue.shift()) results.set(file, await probe(file));
    }),
  );
  return results;
}

// The entry starts the gateway when loaded; it is checked by what it imports.
const ENTRY = join(distRoot, 'gateway', 'main.js');
const GATEWAY_MODULES = modulesUnder(join(distRoot, 'gateway')).filter((file) => file !== ENTRY);

describe('gateway modules', () => {
  it('are found', () => {
    expect(GATEWAY_MODULES.map((file) => relative(distRoot, file))).toEqual(
      expect.arrayContaining(['gateway/gateway.server.js', 'gateway/protection/operation-limits.js']),
    );
  });

  it('each load in a fresh process without reflect-metadata and without loading type-graphql', async () => {
    const results = await probeAll(GATEWAY_MODULES);
    const problems = [...results].flatMap(([file, result]) => {
      const name = relative(distRoot, file);
      return [
        ...(result.polyfillBefore ? [`${name}: the probe process already had Reflect.getMetadata`] : []),
        ...(result.error ? [`${name} throws: ${result.error}`] : []),
        ...(result.typeGraphql ? [`${name} loads type-graphql`] : []),
      ];
    });
    expect(problems).toEqual([]);
    expect(results.size).toBe(GATEWAY_MODULES.length);
    // Some twenty Node processes, each loading Apollo: a busy machine needs minutes, not jest's default.
  }, 600_000);

  it('include an entry that does not ask for the polyfill', () => {
    expect(readFileSync(ENTRY, 'utf8')).not.toMatch(/reflect-metadata|type-graphql/);
  });

  it('are checked by a probe that notices type-graphql and a missing polyfill (a type-graphql field)', async () => {
    // A module declaring a type-graphql field and loading nothing else (our modules now reach TypeORM,
    // which brings the polyfill along, through the database-outage errors).
    const control = join(distRoot, `.imports-probe-control-${process.pid}.js`);
    writeFileSync(control, `require('type-graphql').Field()(class Control {}.prototype, 'name');\n`);
    try {
      const result = await probe(control);
      expect(result.error).toMatch(/metadata/);
      expect(result.typeGraphql).toBe(true);
    } finally {
      rmSync(control, { force: true });
    }
  }, 120_000);
});
