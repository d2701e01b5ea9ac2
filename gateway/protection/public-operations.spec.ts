import { clientAddressKey, isPublicRequest } from './public-operations';

describe('public operations at the gateway', () => {
  it('are queries selecting only public root fields', () => {
    expect(isPublicRequest('{ verifyCertificate(id: "ZZ-320000-2026-0000000000000000") { status } }', undefined)).toBe(
      true,
    );
    expect(
      isPublicRequest(
        'query Keys { a: certificateSigningKeys { keyId } b: certificateSigningKeys @include(if: true) { keyId } }',
        'Keys',
      ),
    ).toBe(true);
    expect(
      isPublicRequest(
        'query { verifyCertificate(id: "x") { certificate { ... on ElectronicCertificate { scope } } } }',
        null,
      ),
    ).toBe(true);
  });

  it('are not anything else', () => {
    const refused: Array<[string | undefined, unknown]> = [
      ['{ enterprises(first: 1) { totalCount } }', undefined],
      ['{ verifyCertificate(id: "x") { status } enterprises(first: 1) { totalCount } }', undefined],
      ['{ verifyCertificate(id: "x") { status } __typename }', undefined],
      ['{ __schema { queryType { name } } }', undefined],
      ['{ ... on Query { verifyCertificate(id: "x") { status } } }', undefined],
      ['query { ...F } fragment F on Query { verifyCertificate(id: "x") { status } }', undefined],
      ['mutation { verifyCertificate(id: "x") { status } }', undefined],
      ['subscription { verifyCertificate(id: "x") { status } }', undefined],
      ['query A { certificateSigningKeys { keyId } } query B { enterprises { totalCount } }', 'B'],
      ['query A { certificateSigningKeys { keyId } } query B { certificateSigningKeys { keyId } }', undefined],
      ['query A { certificateSigningKeys { keyId } }', 'Other'],
      ['{ verifyCertificate(id: "x") { status }', undefined],
      [`{ verifyCertificate(id: "x") { ${'status '.repeat(3000)} } }`, undefined],
      [undefined, undefined],
    ];
    for (const [document, operationName] of refused)
      expect([document?.slice(0, 80), isPublicRequest(document, operationName)]).toEqual([
        document?.slice(0, 80),
        false,
      ]);
  });

  it('are rate limited per IPv4 address or IPv6 /64', () => {
    expect(clientAddressKey('203.0.113.7')).toBe('address:203.0.113.7');
    expect(clientAddressKey('::ffff:203.0.113.7')).toBe('address:203.0.113.7');
    expect(clientAddressKey('2001:db8:1:2:a:b:c:d')).toBe(clientAddressKey('2001:db8:1:2::ffff'));
    expect(clientAddressKey('2001:db8:1:2::1')).toBe('address:2001:db8:1:2::/64');
    expect(clientAddressKey('2001:db8:1:3::1')).not.toBe(clientAddressKey('2001:db8:1:2::1'));
    expect(clientAddressKey('::1')).toBe('address:0:0:0:0::/64');
    expect(clientAddressKey(undefined)).toBe('address:unknown');
  });
});
