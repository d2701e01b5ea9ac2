import { LicenseStatus } from './disclosure-kind';
import { licenceStatusContent } from './license-status';

describe('a licence disclosure’s status sentence', () => {
  const issued = '准予道路货物运输经营许可，许可证号320102HY20260302001，有效期2026-03-02至2030-03-01。';

  it('adds the suspension, then replaces it by the restoration or the revocation', () => {
    const suspended = licenceStatusContent(issued, LicenseStatus.SUSPENDED, '2026-04-01');
    expect(suspended).toBe(`${issued}该许可证件于2026-04-01暂扣。`);
    expect(licenceStatusContent(suspended, LicenseStatus.VALID, '2026-05-01')).toBe(
      `${issued}该许可证件于2026-05-01恢复有效。`,
    );
    expect(licenceStatusContent(suspended, LicenseStatus.REVOKED, '2026-05-02')).toBe(
      `${issued}该许可证件于2026-05-02吊销。`,
    );
  });

  it('keeps within the column’s 1200 characters', () => {
    expect(licenceStatusContent('准'.repeat(1200), LicenseStatus.REVOKED, '2026-05-02')).toHaveLength(1200);
  });
});
