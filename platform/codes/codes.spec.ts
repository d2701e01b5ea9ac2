import { creditCodeCheckCharacter, creditCodeProblem } from './credit-code';
import { plateNumberProblem } from './plate-number';
import { regionAncestry, regionCodeProblem, regionWithin } from './region-code';
import { maskResidentId, residentIdProblem } from './resident-id';

describe('unified social credit code (GB 32100-2015)', () => {
  it('accepts published real-world codes', () => {
    // Codes printed on public business licences.
    expect(creditCodeProblem('91350100M000100Y43')).toBeNull();
    expect(creditCodeProblem('91110000600037341L')).toBeNull();
  });

  it('computes the check character with weights mod 31', () => {
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  it('names the problem: length, charset, check character', () => {
    expect(creditCodeProblem('9135010')).toMatch(/18 characters/);
    expect(creditCodeProblem('91350100M000100YI3')).toMatch(/capital letters/);
    expect(creditCodeProblem('91350100M000100Y44')).toMatch(/check character/);
  });
});

describe('plate numbers (GA 36)', () => {
  it.each(['苏A12345', '浙A5F678', '京N0000学', '苏AD12345', '苏A12345D', '粤BF12345'])('accepts %s', (plate) => {
    expect(plateNumberProblem(plate)).toBeNull();
  });

  it.each([
    ['苏I12345', /ordinary/],
    ['XA12345', /province/],
    ['苏A1234', /7 characters/],
    ['苏AX12345', /new-energy/],
  ])('refuses %s', (plate, reason) => {
    expect(plateNumberProblem(plate)).toMatch(reason);
  });
});

describe('region codes (GB/T 2260)', () => {
  it('knows codes in the table and refuses others', () => {
    expect(regionCodeProblem('320102')).toBeNull();
    expect(regionCodeProblem('329999')).toMatch(/not in the GB\/T 2260/);
    expect(regionCodeProblem('32010')).toMatch(/six digits/);
    expect(regionCodeProblem('000000')).toMatch(/national/);
    expect(regionCodeProblem('000000', { allowNational: true })).toBeNull();
  });

  it('walks county -> city -> province', () => {
    expect(regionAncestry('320102')).toEqual(['320102', '320100', '320000']);
    expect(regionAncestry('320000')).toEqual(['320000']);
  });

  it('scopes a province over its counties, the nation over everything', () => {
    expect(regionWithin('320583', '320000')).toBe(true);
    expect(regionWithin('320583', '320500')).toBe(true);
    expect(regionWithin('320583', '320100')).toBe(false);
    expect(regionWithin('330106', '000000')).toBe(true);
  });
});

describe('resident ID numbers (GB 11643-1999)', () => {
  it('accepts a valid number, including an X check character', () => {
    expect(residentIdProblem('320102198503120418')).toBeNull();
    expect(residentIdProblem('33010619900708152X')).toBeNull();
  });

  it('refuses a wrong check character and an impossible birth date', () => {
    expect(residentIdProblem('320102198503120419')).toMatch(/check character/);
    expect(residentIdProblem('320102198502300418')).toMatch(/date of birth/);
  });

  it('masks all but the region prefix and the last four', () => {
    expect(maskResidentId('33010619900708152X')).toBe('3301**********152X');
  });
});
