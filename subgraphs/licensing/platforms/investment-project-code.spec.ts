import { investmentProjectCheckCharacter, investmentProjectCodeProblem } from './investment-project-code';

function code(body: string): string {
  return `${body}${investmentProjectCheckCharacter(body.replace(/-/g, ''))}`;
}

describe('investment project codes (GB/T 40058-2021 shape)', () => {
  const now = new Date('2026-11-24T00:00:00Z');

  it('accepts a well-formed code whose check character matches', () => {
    expect(investmentProjectCodeProblem(code('2025-320500-48-01-00012'), now)).toBeNull();
  });

  it('names what is wrong', () => {
    // 2025-320500-48-01-00012 checks to 3: a 4 in its place is a typing slip the check character catches.
    expect(investmentProjectCodeProblem('2025-320500-48-01-000124', now)).toBe('check character does not match');
    expect(investmentProjectCodeProblem('25-320500-48-01-00012X', now)).toMatch(/shape/);
    expect(investmentProjectCodeProblem(code('2030-320500-48-01-00012'), now)).toMatch(/year 2030/);
    expect(investmentProjectCodeProblem(code('2025-329999-48-01-00012'), now)).toMatch(/region 329999/);
    const valid = code('2025-320500-48-01-00012');
    const wrongCheck = valid.slice(0, -1) + (valid.endsWith('0') ? '1' : '0');
    expect(investmentProjectCodeProblem(wrongCheck, now)).toBe('check character does not match');
  });

  it('computes ISO 7064 MOD 11-2 as resident ID numbers do', () => {
    // GB 11643-1999's example 11010519491231002X uses the same MOD 11-2 check.
    expect(investmentProjectCheckCharacter('11010519491231002')).toBe('X');
  });
});
