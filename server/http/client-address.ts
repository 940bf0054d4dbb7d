import { BlockList, isIP } from "node:net";

/**
 * The header through which scripts/serve.ts hands the caller's address to the app. The server sets it on
 * every request from the socket (and the trusted proxies' hops), overwriting whatever the client sent; the
 * app reads the address from it and from nothing else, never from X-Forwarded-For.
 */
export const CLIENT_ADDRESS_HEADER = "x-tyndau-client-address";

/** What the app calls a caller whose address it was not told (run outside scripts/serve.ts). */
export const UNKNOWN_ADDRESS = "unknown";

/** "::ffff:127.0.0.1" (IPv4 on an IPv6 socket) is 127.0.0.1; anything not an address is null. */
export function normalizeAddress(raw: string | undefined | null): string | null {
  if (!raw) return null;
  let value = raw.trim();
  // "[2001:db8::1]:443" and "203.0.113.7:1234": some proxies add the port.
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed?.[1]) value = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const mapped = /^::ffff:(\d{1,3}(\.\d{1,3}){3})$/i.exec(value);
  if (mapped?.[1]) value = mapped[1];
  return isIP(value) ? value.toLowerCase() : null;
}

export type TrustedProxies = { has(address: string): boolean };

/**
 * TRUSTED_PROXIES: the addresses (or CIDR ranges) of the reverse proxies in front of the app, comma
 * separated, e.g. "10.0.0.5, 192.168.1.0/24, ::1". Empty means none: the socket's address is the client's.
 * A malformed entry stops the server rather than trusting more or less than the operator meant.
 */
export function parseTrustedProxies(value: string | undefined): TrustedProxies {
  const list = new BlockList();
  for (const entry of (value ?? "").split(",").map((e) => e.trim())) {
    if (!entry) continue;
    const [host, bits, ...rest] = entry.split("/");
    const address = normalizeAddress(host);
    const type = address && isIP(address) === 6 ? "ipv6" : "ipv4";
    const prefix = bits === undefined ? undefined : Number(bits);
    const max = type === "ipv6" ? 128 : 32;
    if (
      !address ||
      rest.length > 0 ||
      (prefix !== undefined && !(Number.isInteger(prefix) && prefix >= 0 && prefix <= max))
    )
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an address or a CIDR range.`);
    if (prefix === undefined) list.addAddress(address, type);
    else list.addSubnet(address, prefix, type);
  }
  return {
    has(address) {
      const normalized = normalizeAddress(address);
      if (!normalized) return false;
      return list.check(normalized, isIP(normalized) === 6 ? "ipv6" : "ipv4");
    },
  };
}

/**
 * The client's address: the socket's peer, unless the peer is a trusted proxy. Then X-Forwarded-For is
 * read from the right, since each proxy appends the address it saw: hops added by trusted proxies are
 * skipped, and the first one that is not theirs is the client. Whatever lies to its left was written by
 * the client itself and is never believed (a fresh value per request would otherwise be a fresh address).
 */
export function resolveClientAddress(o: {
  peer: string | undefined;
  forwardedFor: string | string[] | undefined | null;
  trusted: TrustedProxies;
}): string {
  const peer = normalizeAddress(o.peer);
  if (!peer) return UNKNOWN_ADDRESS;
  if (!o.trusted.has(peer)) return peer;
  const raw = Array.isArray(o.forwardedFor) ? o.forwardedFor.join(",") : (o.forwardedFor ?? "");
  const hops = raw
    .split(",")
    .map((h) => h.trim())
    .filter((h) => h !== "");
  let client = peer;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = normalizeAddress(hops[i]);
    // A garbled hop was not written by a proxy we trust: the last good address is as far as we can see.
    if (!hop) break;
    client = hop;
    if (!o.trusted.has(hop)) break;
  }
  return client;
}

/** The address the server stamped on this request (see CLIENT_ADDRESS_HEADER). */
export function clientAddressOf(headers: Pick<Headers, "get">): string {
  return normalizeAddress(headers.get(CLIENT_ADDRESS_HEADER)) ?? UNKNOWN_ADDRESS;
}
