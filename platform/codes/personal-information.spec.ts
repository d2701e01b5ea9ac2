import { containsPersonalInformation, maskFreeText, maskPersonalInformation } from './personal-information';

/** What must never be readable in a masked text: the numbers with every separator taken out. */
function clearDigits(text: string): string {
  return text.normalize('NFKC').replace(/[\s\-.()\u200b]/g, '');
}

describe('personal information in free text', () => {
  it('masks the ID and phone numbers of the report that found it, and keeps the rest of the text', () => {
    expect(maskFreeText('当事人王五（身份证号11010519491231002X，手机13812345678）驾驶车辆超载')).toBe(
      '当事人王五（身份证号1101**********002X，手机138****5678）驾驶车辆超载',
    );
  });

  it.each([
    ['full-width digits', '手机１３８１２３４５６７８', '13812345678'],
    ['spaces', '手机 138 1234 5678', '13812345678'],
    ['dashes', '手机138-1234-5678', '13812345678'],
    ['dots', '手机138.1234.5678', '13812345678'],
    ['spaced dashes', '手机138 - 1234 - 5678', '13812345678'],
    ['country code', '+86 138 1234 5678', '13812345678'],
    ['country code in brackets', '（+86）13812345678', '13812345678'],
    ['country code without a plus', '8613812345678', '13812345678'],
    ['zero-width spaces', '138\u200b1234\u200b5678', '13812345678'],
    ['Chinese numerals', '一三八一二三四五六七八', '13812345678'],
    ['a numeral before it', '王一13812345678', '13812345678'],
    ['digits of another script', '١٣٨١٢٣٤٥٦٧٨', '13812345678'],
    ['resident ID in groups of four', '1101 0519 4912 3100 2X', '11010519491231002X'],
    ['resident ID with dashes and a small x', '110105-19491231-002x', '11010519491231002'],
    ['resident ID in full-width with a full-width X', '１１０１０５１９４９１２３１００２Ｘ', '11010519491231002'],
    ['first-generation resident ID', '身份证110105491231002', '110105491231002'],
    ['bank card in groups', '卡号6222 0212 3456 7890 123', '6222021234567890123'],
    ['bank card of 16 digits', '卡号6217001234567890', '6217001234567890'],
    ['landline with area code', '座机025-83123456', '83123456'],
    ['landline with the area code in brackets', '（025）8312 3456', '83123456'],
    ['landline of a 4-digit area code', '0512-65123456', '65123456'],
    ['landline with the country code', '+86 25 8312 3456', '83123456'],
    ['local number after 电话', '电话：83123456', '83123456'],
    ['local number after Tel', 'Tel 8312-3456', '83123456'],
    ['e-mail address', '邮箱 wang.wu@example.com', 'wang.wu'],
  ])('masks %s', (_variant, text, secret) => {
    const masked = maskFreeText(text);
    expect(clearDigits(masked)).not.toContain(secret);
    expect(masked).toContain('*');
    expect(containsPersonalInformation(text)).toBe(true);
  });

  it('shows the usual masked forms', () => {
    expect(maskFreeText('手机 138 1234 5678')).toBe('手机 138****5678');
    expect(maskFreeText('身份证1101 0519 4912 3100 2X')).toBe('身份证1101**********002X');
    expect(maskFreeText('卡号6222 0212 3456 7890 123')).toBe('卡号6222***********0123');
    expect(maskFreeText('座机025-83123456')).toBe('座机025****3456');
    expect(maskFreeText('+86 25 8312 3456')).toBe('+86 25****3456');
    expect(maskFreeText('电话83123456')).toBe('电话******56');
  });

  it('masks e-mail addresses, also at the end of a long run of address characters, reading the text once', () => {
    expect(maskFreeText('邮箱 zhang.san@example.com.cn')).toBe('邮箱 z***@example.com.cn');
    // Read with `[…]+@`, 200,000 letters took minutes (every position retried the whole run).
    const long = `${'x'.repeat(200_000)}@example.com`;
    expect(maskFreeText(long)).toBe(`${'x'.repeat(200_000 - 64)}x***@example.com`);
    expect(maskFreeText('x'.repeat(200_000))).toBe('x'.repeat(200_000));
  });

  it('masks every number of a list written in one run', () => {
    expect(maskFreeText('13812345678 13912345678')).toBe('138****5678 139****5678');
  });

  it.each([
    ['a case number', '移送自3201022026000001号案件'],
    ['a station code, weights and a plate', '苏E88888于2026-11-24在3201150001检测，6轴56000 kg，限值49000 kg'],
    ['application and waybill numbers', '申请XK32058320261124123456，运单YD32010220260101000001'],
    ['a credit code', '当事企业91320102MA1MY0R10Q'],
    ['a date range', '2026-11-24 - 2026-12-01'],
    ['amounts', '罚款5000元，已缴15000.00元'],
  ])('leaves %s alone', (_what, text) => {
    expect(maskFreeText(text)).toBe(text);
    expect(containsPersonalInformation(text)).toBe(false);
  });

  it('is idempotent: a masked text stays as it is', () => {
    const once = maskFreeText('身份证11010519491231002X 手机13812345678 卡6222021234567890123 座机025-83123456');
    expect(maskFreeText(once)).toBe(once);
  });
});

describe('the audit trail copy of request variables', () => {
  it('masks free text and names with the same code', () => {
    expect(
      maskPersonalInformation({
        input: {
          cause: '当事人（手机１３８ １２３４ ５６７８，身份证1101 0519 4912 3100 2X）',
          partyName: '王五',
          legalRepresentative: '张三',
          first: 20,
        },
      }),
    ).toEqual({
      input: {
        cause: '当事人（手机138****5678，身份证1101**********002X）',
        partyName: '王*',
        legalRepresentative: '张*',
        first: 20,
      },
    });
  });
});
