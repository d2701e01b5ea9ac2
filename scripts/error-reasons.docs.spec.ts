import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ERROR_REASONS_FILE, REASON_LISTS, renderErrorReasons } from './error-reasons.docs';

const projectRoot = join(__dirname, '..', '..');

describe('docs/error-reasons.md', () => {
  it('matches the reason tables (run `npm run docs:errors` after changing one)', () => {
    expect(readFileSync(join(projectRoot, ERROR_REASONS_FILE), 'utf8')).toBe(renderErrorReasons());
  });

  it('gives one reason one code and one text in every list it appears in', () => {
    const seen = new Map<string, string>();
    const differing: string[] = [];
    for (const list of REASON_LISTS) {
      for (const [reason, text] of Object.entries(list.reasons)) {
        const described = `${text.code} ${text.zh} ${text.en}`;
        if (seen.has(reason) && seen.get(reason) !== described) differing.push(`${reason} (${list.title})`);
        seen.set(reason, described);
      }
    }
    expect(differing).toEqual([]);
  });

  it('lists the reasons clients branch on, with their code and Chinese text', () => {
    const rendered = renderErrorReasons();
    expect(rendered).toContain('| `STALE_VERSION` | `CONFLICT` | 记录已被他人修改，请刷新后重试 |');
    expect(rendered).toContain('| `PLATFORM_UNAVAILABLE` | `SERVICE_UNAVAILABLE` |');
    expect(rendered).toContain('| `RATE_LIMITED` | `RATE_LIMITED` |');
  });
});
