import {
  DANGEROUS_GOODS_LIST_SOURCE,
  checkDangerousGoods,
  dangerousGoodsEntries,
  dangerousGoodsUnNumbers,
  properShippingNames,
} from './dangerous-goods-list';

function combinations(unNumber: string): string[] {
  return dangerousGoodsEntries(unNumber).map((entry) => `${entry.hazardClass}/${entry.packingGroup ?? '-'}`);
}

describe('dangerous goods list (49 CFR 172.101)', () => {
  it('cites its source', () => {
    expect(DANGEROUS_GOODS_LIST_SOURCE).toContain('49 CFR 172.101');
  });

  it('holds the whole table, not a handful of rows', () => {
    expect(dangerousGoodsUnNumbers().length).toBeGreaterThan(2000);
    expect(dangerousGoodsUnNumbers().every((unNumber) => /^UN\d{4}$/.test(unNumber))).toBe(true);
  });

  it('gives every entry a GB 6944 class or division and a packing group I, II, III or none', () => {
    const classes = new Set(['1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '2.1', '2.2', '2.3', '3']);
    for (const value of ['4.1', '4.2', '4.3', '5.1', '5.2', '6.1', '6.2', '7', '8', '9']) classes.add(value);
    const entries = dangerousGoodsUnNumbers().flatMap((unNumber) => dangerousGoodsEntries(unNumber));
    expect(entries.filter((entry) => !classes.has(entry.hazardClass))).toEqual([]);
    expect(entries.filter((entry) => ![null, 'I', 'II', 'III'].includes(entry.packingGroup))).toEqual([]);
  });

  it('knows petrol, UN1203: class 3, packing group II', () => {
    expect(combinations('UN1203')).toEqual(['3/II']);
    expect(properShippingNames('UN1203')[0]).toMatch(/^Gasoline/);
  });

  it('knows hydrochloric acid, UN1789: class 8, packing groups II and III', () => {
    expect(combinations('UN1789').sort()).toEqual(['8/II', '8/III']);
    expect(properShippingNames('UN1789')).toEqual(['Hydrochloric acid']);
  });

  it('knows anhydrous ammonia, UN1005: 2.3, and 2.2 for US domestic transport', () => {
    expect(combinations('UN1005').sort()).toEqual(['2.2/-', '2.3/-']);
  });

  it('knows chlorine, UN1017: 2.3', () => {
    expect(combinations('UN1017')).toEqual(['2.3/-']);
  });

  it('knows sulphuric acid with more than 51% acid, UN1830: class 8, packing group II', () => {
    expect(combinations('UN1830')).toEqual(['8/II']);
    expect(properShippingNames('UN1830')[0]).toMatch(/^Sulfuric acid/);
  });

  it('strips the compatibility group of explosives: TNT, UN0209, is 1.1', () => {
    expect(combinations('UN0209')).toEqual(['1.1/-']);
  });

  it('does not know UN0000 or UN9999', () => {
    expect(dangerousGoodsEntries('UN0000')).toEqual([]);
    expect(dangerousGoodsEntries('UN9999')).toEqual([]);
    expect(checkDangerousGoods({ unNumber: 'UN9999', hazardClass: '3', packingGroup: 'II' })).toEqual([
      expect.objectContaining({ field: 'unNumber', code: 'UNKNOWN_UN_NUMBER' }),
    ]);
  });
});

describe('checkDangerousGoods', () => {
  it('accepts petrol declared as class 3, packing group II, under a Chinese name', () => {
    expect(
      checkDangerousGoods({ unNumber: 'UN1203', hazardClass: '3', packingGroup: 'II', goodsName: '汽油' }),
    ).toEqual([]);
  });

  it('refuses petrol declared as class 8, naming class 3', () => {
    const problems = checkDangerousGoods({ unNumber: 'UN1203', hazardClass: '8', packingGroup: 'II' });
    expect(problems).toEqual([expect.objectContaining({ field: 'hazardClass', code: 'CLASS_MISMATCH' })]);
    expect(problems[0].message).toContain('类别');
    expect(problems[0].message).toContain('UN1203 is class/division 3, not 8');
  });

  it('accepts any listed combination for a number with several entries', () => {
    expect(checkDangerousGoods({ unNumber: 'UN1005', hazardClass: '2.3' })).toEqual([]);
    expect(checkDangerousGoods({ unNumber: 'UN1005', hazardClass: '2.2' })).toEqual([]);
    expect(checkDangerousGoods({ unNumber: 'UN1789', hazardClass: '8', packingGroup: 'III' })).toEqual([]);
  });

  it('accepts the class a listed division belongs to', () => {
    expect(checkDangerousGoods({ unNumber: 'UN1017', hazardClass: '2' })).toEqual([]);
  });

  it('refuses a packing group the list does not give the number', () => {
    const problems = checkDangerousGoods({ unNumber: 'UN1789', hazardClass: '8', packingGroup: 'I' });
    expect(problems).toEqual([expect.objectContaining({ field: 'packingGroup', code: 'PACKING_GROUP_MISMATCH' })]);
    expect(problems[0].message).toContain('packing group II, III');
  });

  it('refuses a missing packing group where every entry has one', () => {
    expect(checkDangerousGoods({ unNumber: 'UN1830', hazardClass: '8', packingGroup: null })).toEqual([
      expect.objectContaining({ field: 'packingGroup', code: 'PACKING_GROUP_MISMATCH' }),
    ]);
  });

  it('refuses a packing group for goods the list gives none', () => {
    expect(checkDangerousGoods({ unNumber: 'UN1017', hazardClass: '2.3', packingGroup: 'I' })).toEqual([
      expect.objectContaining({ field: 'packingGroup', code: 'PACKING_GROUP_MISMATCH' }),
    ]);
  });

  it('reads UN numbers written without the prefix', () => {
    expect(dangerousGoodsEntries('1203')).toEqual(dangerousGoodsEntries('UN1203'));
  });
});
