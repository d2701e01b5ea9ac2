/**
 * SM2 keys as PEM: SubjectPublicKeyInfo and PKCS#8 with id-ecPublicKey on the SM2 curve
 * (1.2.156.10197.1.301), the form OpenSSL 3 and GmSSL read and write. Done by hand because Node
 * (OpenSSL 3 underneath) imports such a key as a type it cannot export again, and aborts the process
 * when asked to.
 */

// SEQUENCE { OID 1.2.840.10045.2.1 (id-ecPublicKey), OID 1.2.156.10197.1.301 (SM2 curve) }
const SM2_ALGORITHM = Buffer.from('301306072a8648ce3d020106082a811ccf5501822d', 'hex');
const SM2_CURVE = Buffer.from('06082a811ccf5501822d', 'hex');

interface Element {
  tag: number;
  /** The contents. */
  value: Buffer;
  /** The whole element, header included. */
  encoded: Buffer;
}

/** The DER elements laid one after another in `bytes`. */
function elements(bytes: Buffer): Element[] {
  const found: Element[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    if (offset + 2 > bytes.length) throw new Error('truncated DER');
    const tag = bytes[offset];
    let length = bytes[offset + 1];
    let start = offset + 2;
    if (length & 0x80) {
      const octets = length & 0x7f;
      if (octets < 1 || octets > 2 || start + octets > bytes.length) throw new Error('unsupported DER length');
      length = octets === 1 ? bytes[start] : bytes.readUInt16BE(start);
      start += octets;
    }
    const end = start + length;
    if (end > bytes.length) throw new Error('truncated DER');
    found.push({ tag, value: bytes.subarray(start, end), encoded: bytes.subarray(offset, end) });
    offset = end;
  }
  return found;
}

function element(bytes: Buffer, tag: number, what: string): Element {
  const all = elements(bytes);
  if (all.length !== 1 || all[0].tag !== tag)
    throw new Error(`${what} is not a single DER element of tag 0x${tag.toString(16)}`);
  return all[0];
}

function encode(tag: number, value: Buffer): Buffer {
  const length = value.length;
  const header =
    length < 0x80
      ? Buffer.from([tag, length])
      : length < 0x100
        ? Buffer.from([tag, 0x81, length])
        : Buffer.from([tag, 0x82, length >> 8, length & 0xff]);
  return Buffer.concat([header, value]);
}

function fromPem(pem: string, label: string): Buffer {
  const match = new RegExp(`-----BEGIN ${label}-----([A-Za-z0-9+/=\\s]+)-----END ${label}-----`).exec(pem);
  if (!match) throw new Error(`not a PEM "${label}"`);
  return Buffer.from(match[1].replace(/\s+/g, ''), 'base64');
}

function toPem(der: Buffer, label: string): string {
  const lines = der.toString('base64').match(/.{1,64}/g) ?? [];
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function point(bitString: Buffer): string {
  if (bitString.length !== 66 || bitString[0] !== 0x00 || bitString[1] !== 0x04)
    throw new Error('SM2 public key is not an uncompressed point');
  return bitString.subarray(1).toString('hex');
}

/** DER SubjectPublicKeyInfo of an SM2 public key given as 04 || x || y hex. */
export function sm2PublicKeyDer(pointHex: string): Buffer {
  return encode(
    0x30,
    Buffer.concat([SM2_ALGORITHM, encode(0x03, Buffer.concat([Buffer.from([0]), Buffer.from(pointHex, 'hex')]))]),
  );
}

/** PEM of an SM2 public key given as 04 || x || y hex. */
export function sm2PublicKeyPem(pointHex: string): string {
  return toPem(sm2PublicKeyDer(pointHex), 'PUBLIC KEY');
}

/** PKCS#8 PEM of an SM2 private key (scalar hex) with its public point. */
export function sm2PrivateKeyPem(scalarHex: string, pointHex: string): string {
  const ecPrivateKey = encode(
    0x30,
    Buffer.concat([
      Buffer.from('020101', 'hex'),
      encode(0x04, Buffer.from(scalarHex, 'hex')),
      encode(0xa1, encode(0x03, Buffer.concat([Buffer.from([0]), Buffer.from(pointHex, 'hex')]))),
    ]),
  );
  const pkcs8 = encode(0x30, Buffer.concat([Buffer.from('020100', 'hex'), SM2_ALGORITHM, encode(0x04, ecPrivateKey)]));
  return toPem(pkcs8, 'PRIVATE KEY');
}

/** The 04 || x || y hex of an SM2 SubjectPublicKeyInfo PEM; refuses any other algorithm or curve. */
export function sm2PublicPointOf(pem: string): string {
  const [algorithm, key, ...rest] = elements(element(fromPem(pem, 'PUBLIC KEY'), 0x30, 'SubjectPublicKeyInfo').value);
  if (!algorithm?.encoded.equals(SM2_ALGORITHM) || key?.tag !== 0x03 || rest.length > 0)
    throw new Error('not an SM2 public key (id-ecPublicKey on curve 1.2.156.10197.1.301)');
  return point(key.value);
}

/** The private scalar hex (and the public point, when the key carries it) of an SM2 PKCS#8 PEM. */
export function sm2PrivateKeyOf(pem: string): { scalarHex: string; pointHex: string | null } {
  const [version, algorithm, privateKey] = elements(element(fromPem(pem, 'PRIVATE KEY'), 0x30, 'PrivateKeyInfo').value);
  if (
    version?.encoded.toString('hex') !== '020100' ||
    !algorithm?.encoded.equals(SM2_ALGORITHM) ||
    privateKey?.tag !== 0x04
  ) {
    throw new Error('not an SM2 private key (PKCS#8, id-ecPublicKey on curve 1.2.156.10197.1.301)');
  }
  const [ecVersion, scalar, ...optional] = elements(element(privateKey.value, 0x30, 'ECPrivateKey').value);
  if (ecVersion?.encoded.toString('hex') !== '020101' || scalar?.tag !== 0x04 || scalar.value.length !== 32)
    throw new Error('malformed ECPrivateKey');
  let pointHex: string | null = null;
  for (const field of optional) {
    if (field.tag === 0xa0 && !field.value.equals(SM2_CURVE)) throw new Error('ECPrivateKey names another curve');
    if (field.tag === 0xa1) pointHex = point(element(field.value, 0x03, 'public key').value);
  }
  return { scalarHex: scalar.value.toString('hex'), pointHex };
}
