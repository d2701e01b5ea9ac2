import { CERTIFICATE_FIELDS, canonicalEncoding, canonicalText, type CertificateContent } from './canonical-encoding';

const CONTENT: CertificateContent = {
  certificateId: 'ZZ-320000-2026-7K3M9QX2HD4PNB8R',
  permitNumber: '3201022026HY123456',
  permitKind: 'ROAD_FREIGHT_TRANSPORT',
  scope: '普通货运、货物专用运输(集装箱)',
  holderCreditCode: '91320102MA1MY0R10Q',
  holderName: '南京顺达物流有限公司',
  permitRegionCode: '320102',
  validFrom: '2026-11-24',
  validUntil: '2030-11-23',
  authorityName: '江苏省交通运输厅',
  authorityRegionCode: '320000',
  issuedAt: '2026-11-24T02:15:09.000Z',
  keyId: '320000-20261124-a1b2c3',
  algorithm: 'SM2_SM3',
};

describe('the canonical encoding of a certificate (SW-CERT-1)', () => {
  it('is a JSON array of the format name and the fields in their fixed order, no whitespace', () => {
    // Written out by hand from canonical-encoding.md; a change here is a change of format.
    expect(canonicalText(CONTENT)).toBe(
      '["SW-CERT-1","ZZ-320000-2026-7K3M9QX2HD4PNB8R","3201022026HY123456","ROAD_FREIGHT_TRANSPORT","普通货运、货物专用运输(集装箱)",' +
        '"91320102MA1MY0R10Q","南京顺达物流有限公司","320102","2026-11-24","2030-11-23","江苏省交通运输厅","320000",' +
        '"2026-11-24T02:15:09.000Z","320000-20261124-a1b2c3","SM2_SM3"]',
    );
  });

  it('is UTF-8, with Chinese characters as themselves, not escaped', () => {
    const bytes = canonicalEncoding(CONTENT);
    expect(bytes.includes(Buffer.from('江苏省交通运输厅', 'utf8'))).toBe(true);
    expect(bytes.toString('utf8')).not.toContain('\\u');
  });

  it('escapes only quotation mark, reverse solidus and control characters, as RFC 8785 does', () => {
    const text = canonicalText({ ...CONTENT, scope: 'a"b\\c\nd\te\u0001f/g' });
    expect(text).toContain('"a\\"b\\\\c\\nd\\te\\u0001f/g"');
  });

  it('gives every field its own place, so moving text from one field to the next changes the bytes', () => {
    const moved = canonicalText({
      ...CONTENT,
      scope: `${CONTENT.scope}","x`,
      holderCreditCode: CONTENT.holderCreditCode,
    });
    expect(moved).not.toBe(canonicalText(CONTENT));
    expect(JSON.parse(moved)).toHaveLength(CERTIFICATE_FIELDS.length + 1);
  });

  it('changes when any single field changes', () => {
    const original = canonicalText(CONTENT);
    for (const field of CERTIFICATE_FIELDS) {
      expect([field, canonicalText({ ...CONTENT, [field]: `${CONTENT[field]}x` }) === original]).toEqual([
        field,
        false,
      ]);
    }
  });

  it('refuses a value that is not text or not well-formed Unicode', () => {
    expect(() => canonicalText({ ...CONTENT, validUntil: 20301123 as unknown as string })).toThrow(
      /validUntil is not text/,
    );
    expect(() => canonicalText({ ...CONTENT, holderName: '顺达\uD800物流' })).toThrow(
      /holderName is not well-formed Unicode/,
    );
    expect(canonicalText({ ...CONTENT, holderName: '𠀀顺达' })).toContain('𠀀顺达');
  });
});
