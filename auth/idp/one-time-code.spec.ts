import {
  codeForStep,
  OneTimeCodeChecker,
  parseOneTimeCodeCredential,
  timeStep,
  type OneTimeCodePolicy,
} from './one-time-code';

// RFC 6238 appendix B: the SHA-1 key is the ASCII bytes "12345678901234567890"; Keycloak, too, keys
// the HMAC with the UTF-8 bytes of the stored secret.
const rfcCredential = parseOneTimeCodeCredential({
  secretData: JSON.stringify({ value: '12345678901234567890' }),
  credentialData: JSON.stringify({ subType: 'totp', digits: 8, period: 30, algorithm: 'HmacSHA1' }),
});
const credential = parseOneTimeCodeCredential({
  userLabel: 'phone',
  secretData: '{"value":"DemoTotpExample0001"}',
  credentialData: '{"subType":"totp","digits":6,"counter":0,"period":30,"algorithm":"HmacSHA1"}',
});
const POLICY: OneTimeCodePolicy = {
  type: 'totp',
  algorithm: 'HmacSHA1',
  digits: 6,
  period: 30,
  lookAheadWindow: 1,
  codeReusable: false,
};
const T = 1_800_000_015_000; // 15 s into a time step

describe('one-time codes', () => {
  it('computes the RFC 6238 codes from the key bytes', () => {
    expect(codeForStep(rfcCredential, timeStep(rfcCredential, 59_000))).toBe('94287082');
    expect(codeForStep(rfcCredential, timeStep(rfcCredential, 1_111_111_109_000))).toBe('07081804');
    expect(codeForStep(rfcCredential, timeStep(rfcCredential, 2_000_000_000_000))).toBe('69279037');
  });

  it('reads Keycloak credentials and refuses unreadable ones', () => {
    expect(credential).toEqual({
      label: 'phone',
      secret: 'DemoTotpExample0001',
      subType: 'totp',
      algorithm: 'HmacSHA1',
      digits: 6,
      period: 30,
    });
    expect(() => parseOneTimeCodeCredential({ secretData: 'not json' })).toThrow(/unreadable otp credential/);
    expect(() =>
      parseOneTimeCodeCredential({ secretData: '{"value":"x"}', credentialData: '{"algorithm":"HmacMD5"}' }),
    ).toThrow(/unknown algorithm/);
  });

  it('accepts the current step and one either side, nothing further', () => {
    const checker = new OneTimeCodeChecker(POLICY, () => T);
    const step = timeStep(credential, T);
    for (const offset of [-1, 0, 1])
      expect(checker.check(`user${offset}`, [credential], codeForStep(credential, step + offset))).toBe('accepted');
    for (const offset of [-2, 2])
      expect(checker.check('other', [credential], codeForStep(credential, step + offset))).toBe('invalid');
    expect(checker.check('other', [credential], 'abcdef')).toBe('invalid');
    expect(checker.check('other', [], codeForStep(credential, step))).toBe('invalid');
  });

  it('refuses a code used before by the same user, not by another, unless the policy allows reuse', () => {
    const clock = { now: T };
    const checker = new OneTimeCodeChecker(POLICY, () => clock.now);
    const code = codeForStep(credential, timeStep(credential, T));
    expect(checker.check('alice', [credential], code)).toBe('accepted');
    expect(checker.check('alice', [credential], code)).toBe('reused');
    expect(checker.check('bob', [credential], code)).toBe('accepted');
    clock.now += 30_000; // still within the window: still refused
    expect(checker.check('alice', [credential], code)).toBe('reused');
    const lenient = new OneTimeCodeChecker({ ...POLICY, codeReusable: true }, () => T);
    expect(lenient.check('alice', [credential], code)).toBe('accepted');
    expect(lenient.check('alice', [credential], code)).toBe('accepted');
  });
});
