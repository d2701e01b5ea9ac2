import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { GATEWAY_REASONS, formatGatewayError } from './gateway.errors';

const gatewaySource = join(__dirname, '..', '..', 'gateway');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe("the gateway's error reasons", () => {
  it('list every reason the gateway gives', () => {
    const given = sourceFiles(gatewaySource).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      const reasons = [
        ...text.matchAll(/reason: '([A-Z_]+)'/g),
        ...text.matchAll(/refused\(\s*(?:`[^`]*`|'[^']*')\s*,\s*'([A-Z_]+)'/g),
      ].map((match) => match[1]);
      return reasons.map((reason) => `${relative(gatewaySource, file)}: ${reason}`);
    });
    expect(given.length).toBeGreaterThan(0);
    expect(given.filter((entry) => !(entry.split(': ')[1] in GATEWAY_REASONS))).toEqual([]);
  });

  it("add the reason's Chinese text to the gateway's refusals and keep a subgraph's own", () => {
    const format = formatGatewayError(() => undefined);
    const refused = format(
      { message: 'Too many requests', extensions: { code: 'RATE_LIMITED', reason: 'RATE_LIMITED' } },
      null,
    );
    expect(refused.extensions).toMatchObject({ code: 'RATE_LIMITED', reasonText: GATEWAY_REASONS.RATE_LIMITED.zh });
    const fromSubgraph = format(
      {
        message: 'stale',
        extensions: { code: 'CONFLICT', reason: 'STALE_VERSION', reasonText: '记录已被他人修改，请刷新后重试' },
      },
      null,
    );
    expect(fromSubgraph.extensions?.reasonText).toBe('记录已被他人修改，请刷新后重试');
  });
});
