import { authorityNameOf, endOfChinaDay, penaltyContent } from './disclosure-rules';

describe('disclosure rules', () => {
  it('names the region’s transport authority at each level', () => {
    expect(authorityNameOf('320000')).toBe('江苏省交通运输厅');
    expect(authorityNameOf('320100')).toBe('南京市交通运输局');
    expect(authorityNameOf('320102')).toBe('南京市玄武区交通运输局');
    expect(authorityNameOf('320583')).toBe('昆山市交通运输局');
  });

  it('ends a China Standard Time day at its next midnight in Beijing', () => {
    expect(endOfChinaDay('2026-03-02')).toEqual(new Date('2026-03-02T16:00:00Z'));
  });

  it('states the penalty and the amount in yuan before the decision’s words', () => {
    expect(penaltyContent('FINE', 1_234_567, '责令改正。')).toBe('罚款人民币12,345.67元。责令改正。');
    expect(penaltyContent('PERMIT_REVOCATION', null, '吊销道路运输经营许可证。')).toBe(
      '吊销许可证件。吊销道路运输经营许可证。',
    );
  });
});
