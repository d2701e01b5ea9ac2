import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { DomainError, ErrorCode, invalidInput, notFound } from './domain-error';
import { errorReasons, WORKFLOW_REASONS } from './error-reasons';

const projectRoot = join(__dirname, '..', '..', '..');

const SAMPLE = errorReasons({
  ...WORKFLOW_REASONS,
  GATE_CLOSED: { code: ErrorCode.CONFLICT, zh: '闸门已关闭', en: 'The gate is closed.' },
  GATE_OFFLINE: { code: ErrorCode.SERVICE_UNAVAILABLE, zh: '闸门离线', en: 'The gate does not answer.' },
});

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

describe('error reasons', () => {
  it("build the error from the reason's row: code, reason and the Chinese text, the message as given", () => {
    const error = SAMPLE.conflict('GATE_CLOSED', 'Gate 3 closed at 18:00');
    expect(error).toBeInstanceOf(DomainError);
    expect(error.message).toBe('Gate 3 closed at 18:00');
    expect(error.extensions).toEqual({ code: 'CONFLICT', reason: 'GATE_CLOSED', reasonText: '闸门已关闭' });
    expect(SAMPLE.unavailable('GATE_OFFLINE', 'Gate 3 is offline').extensions).toMatchObject({
      code: 'SERVICE_UNAVAILABLE',
      reason: 'GATE_OFFLINE',
    });
    expect(SAMPLE.conflict('STALE_VERSION', 'reload').extensions.reasonText).toBe('记录已被他人修改，请刷新后重试');
  });

  it('accept only the reasons of the table, with the code of the helper (checked by the compiler)', () => {
    // Each call below fails to compile, and the build fails on an expected error that does not occur:
    // should a call compile, this test breaks the build. At run time the unknown reason has no row.
    // @ts-expect-error an unknown reason
    expect(() => SAMPLE.conflict('GATE_JAMMED', 'jammed')).toThrow();
    // @ts-expect-error a reason whose code is not CONFLICT
    expect(SAMPLE.conflict('GATE_OFFLINE', 'offline').extensions.code).toBe('SERVICE_UNAVAILABLE');
    // @ts-expect-error a CONFLICT reason given as unavailable
    expect(SAMPLE.unavailable('GATE_CLOSED', 'closed').extensions.code).toBe('CONFLICT');
  });

  it('give the shared reasons their Chinese text too', () => {
    expect(invalidInput('plateNumber', 'is not a plate').extensions).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'INVALID_INPUT',
      reasonText: '输入不符合要求',
      field: 'plateNumber',
    });
    expect(notFound('Permit', 'X1').extensions).toMatchObject({
      code: 'NOT_FOUND',
      reasonText: '未找到该记录（不存在，或不在您可查看的范围内）',
    });
  });

  it('are the only way services build a DomainError (so every reason is in a table)', () => {
    const direct = ['auth', 'gateway', 'platform', 'subgraphs']
      .flatMap((directory) => sourceFiles(join(projectRoot, directory)))
      .filter((file) => !file.includes(join('platform', 'errors')))
      .filter((file) => /new DomainError\(/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(projectRoot, file));
    expect(direct).toEqual([]);
  });
});
