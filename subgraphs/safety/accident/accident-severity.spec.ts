import { AccidentSeverity, atLeast, severityOfFigures } from './accident-severity';

const YUAN = 100;

describe('accident grades (生产安全事故报告和调查处理条例 第三条)', () => {
  it('grades by deaths, serious injuries or direct loss, whichever reaches furthest', () => {
    expect(severityOfFigures(0, 0, 0)).toBe(AccidentSeverity.GENERAL);
    expect(severityOfFigures(2, 9, 9_999_999 * YUAN)).toBe(AccidentSeverity.GENERAL);
    expect(severityOfFigures(3, 0, 0)).toBe(AccidentSeverity.LARGER);
    expect(severityOfFigures(0, 10, 0)).toBe(AccidentSeverity.LARGER);
    expect(severityOfFigures(0, 0, 10_000_000 * YUAN)).toBe(AccidentSeverity.LARGER);
    expect(severityOfFigures(10, 0, 0)).toBe(AccidentSeverity.MAJOR);
    expect(severityOfFigures(0, 50, 0)).toBe(AccidentSeverity.MAJOR);
    expect(severityOfFigures(0, 0, 50_000_000 * YUAN)).toBe(AccidentSeverity.MAJOR);
    expect(severityOfFigures(30, 0, 0)).toBe(AccidentSeverity.EXTRAORDINARY);
    expect(severityOfFigures(0, 100, 0)).toBe(AccidentSeverity.EXTRAORDINARY);
    expect(severityOfFigures(0, 0, 100_000_000 * YUAN)).toBe(AccidentSeverity.EXTRAORDINARY);
  });

  it('orders the grades', () => {
    expect(atLeast(AccidentSeverity.MAJOR, AccidentSeverity.LARGER)).toBe(true);
    expect(atLeast(AccidentSeverity.LARGER, AccidentSeverity.LARGER)).toBe(true);
    expect(atLeast(AccidentSeverity.GENERAL, AccidentSeverity.LARGER)).toBe(false);
  });
});
