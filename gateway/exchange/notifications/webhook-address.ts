import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

// Where a partner's webhook may point (SSRF): outside development only public unicast addresses, checked
// on the URL's literal and again, at each delivery, on every address its name resolves to; the request
// then connects to an address that was checked (no second lookup a rebinding name could answer otherwise).

/** What the URL rules allow in this deployment. */
export interface WebhookRules {
  /** Production: https only. */
  httpsOnly: boolean;
  /** Development (and the integration tests' simulator): loopback and private addresses allowed. */
  allowPrivate: boolean;
}

const NOT_PUBLIC = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96], // NAT64: reaches an IPv4 address the check did not see
  ['64:ff9b:1::', 48],
  ['100::', 64], // discard
  ['2001::', 23], // IETF protocol assignments, Teredo among them
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: embeds an IPv4 address
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const)
  NOT_PUBLIC.addSubnet(network, prefix, 'ipv6');

/** True for a public unicast address; an IPv4-mapped IPv6 address is judged as its IPv4 address. */
export function publicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !NOT_PUBLIC.check(address, 'ipv4');
  if (family !== 6) return false;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return publicAddress(mapped[1]);
  if (/^::ffff:/i.test(address)) return false;
  return !NOT_PUBLIC.check(address, 'ipv6');
}

/** The URL's host as an address literal (brackets of IPv6 removed), or null for a name. */
function literalOf(hostname: string): string | null {
  const bare = hostname.startsWith('[') && hostname.endsWith(']') ? hostname.slice(1, -1) : hostname;
  return isIP(bare) ? bare : null;
}

/** Why `url` cannot be a webhook under `rules`, in Chinese and English; null when it can. */
export function webhookUrlProblem(url: string, rules: WebhookRules): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '不是有效的网址。Not a valid URL';
  }
  if (url.length > 500) return '网址过长（最多500个字符）。The URL is longer than 500 characters';
  if (parsed.protocol !== 'https:' && (rules.httpsOnly || parsed.protocol !== 'http:'))
    return rules.httpsOnly
      ? '生产环境只接受 https 网址。Only https URLs are accepted'
      : '只接受 http(s) 网址。Only http(s) URLs';
  if (parsed.username || parsed.password)
    return '网址中不能含有用户名或密码，请用签名验证来源。No credentials in the URL: verify the signature instead';
  if (parsed.hash) return '网址不能含有片段（#）。No fragment (#) in the URL';
  if (rules.allowPrivate) return null;
  const literal = literalOf(parsed.hostname);
  if (literal !== null)
    return publicAddress(literal) ? null : '不能指向内网、回环或链路本地地址。The address is not public';
  const name = parsed.hostname.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost') || !name.includes('.'))
    return '不能指向本机或内网主机名。The host name is not public';
  return null;
}

/** What a delivery's connection refused: the name resolved to an address that is not public. */
export class NonPublicAddressError extends Error {
  constructor(hostname: string, address: string) {
    super(`${hostname} resolves to ${address}, which is not public`);
  }
}

/**
 * A `lookup` for node:http(s) that resolves every address of the name and refuses the connection when
 * any of them is not public (a name that answers one public and one private address is refused too).
 */
export function publicOnlyLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const bad = allowPrivate ? undefined : addresses.find((entry) => !publicAddress(entry.address));
      if (bad) return callback(new NonPublicAddressError(hostname, bad.address), '', 0);
      if (options.all) return (callback as unknown as (error: null, all: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
      callback(null, first.address, first.family);
    });
  };
}
