import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// For tests only: a throwaway certificate authority and the certificates it issues, made with the
// `openssl` CLI (3.x) in a temporary directory. EC P-256 keys, valid for a day. The national SM2
// certificates TLCP (GB/T 38636) uses cannot be tested here: Node's TLS does not speak TLCP, which
// terminates at a TLCP gateway in front of the single window (README, Transport).

export interface IssuedCertificate {
  certFile: string;
  keyFile: string;
}

export interface TestCertificateAuthority {
  name: string;
  /** The CA's certificate, what INTERNAL_TLS_CA_FILE names. */
  caFile: string;
  /** A certificate for a service: serverAuth and clientAuth, for `localhost` and 127.0.0.1 unless other names are given. */
  issue(commonName: string, subjectAltNames?: readonly string[]): IssuedCertificate;
  /** Removes the directory with every key in it. */
  remove(): void;
}

function openssl(args: readonly string[]): void {
  execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
}

const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

export function createTestCertificateAuthority(name: string): TestCertificateAuthority {
  const directory = mkdtempSync(join(tmpdir(), 'test-ca-'));
  const caFile = join(directory, 'ca.crt');
  const caKeyFile = join(directory, 'ca.key');
  openssl([
    'req',
    '-x509',
    ...EC_KEY,
    '-keyout',
    caKeyFile,
    '-out',
    caFile,
    '-days',
    '1',
    '-subj',
    `/CN=${name}`,
    '-addext',
    'basicConstraints=critical,CA:TRUE',
    '-addext',
    'keyUsage=critical,keyCertSign,cRLSign',
  ]);
  return {
    name,
    caFile,
    issue(commonName, subjectAltNames = ['DNS:localhost', 'IP:127.0.0.1']) {
      const base = join(directory, commonName.replace(/[^a-z0-9-]/gi, '_'));
      const certificate = { certFile: `${base}.crt`, keyFile: `${base}.key` };
      const extensionsFile = `${base}.ext`;
      writeFileSync(
        extensionsFile,
        [
          'basicConstraints=critical,CA:FALSE',
          'keyUsage=critical,digitalSignature',
          // One certificate per service, used both to serve and to call the others.
          'extendedKeyUsage=serverAuth,clientAuth',
          `subjectAltName=${subjectAltNames.join(',')}`,
        ].join('\n'),
      );
      openssl(['req', ...EC_KEY, '-keyout', certificate.keyFile, '-out', `${base}.csr`, '-subj', `/CN=${commonName}`]);
      openssl([
        'x509',
        '-req',
        '-in',
        `${base}.csr`,
        '-CA',
        caFile,
        '-CAkey',
        caKeyFile,
        '-set_serial',
        `0x${randomBytes(8).toString('hex')}`,
        '-days',
        '1',
        '-extfile',
        extensionsFile,
        '-out',
        certificate.certFile,
      ]);
      return certificate;
    },
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}
