import { randomBytes, randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { constants, crc32, deflateRawSync } from "node:zlib";
import type postgres from "postgres";
import { REQUEST_ID_HEADER } from "../observability/request-id";
import { acceptsGzip } from "./accepts-gzip";

/**
 * The public pages a reader without an account sees, rendered once per change of what they show rather
 * than once per reader (docs/performance.md, "Public pages that survive a headline"): the dashboards, the
 * public appeals and the moderation log, in every language. Anything else, and any request carrying a
 * session, goes to Next.js as before: the signed-in always see fresh pages rendered for them.
 */
const CACHED_PAGES =
  /^\/(kk|ru|en)\/(dashboard(\/(bodies|regions)\/[^/]+)?|public-appeals(\/[^/]+)?|moderation-log)$/;

/** Filled pages older than this are rendered again even if nothing said they changed. */
const MAX_AGE_MS = 60_000;
const MAX_BYTES = 64 * 2 ** 20;

type Entry = {
  generation: string;
  filledAt: number;
  status: number;
  headers: [string, string][];
  /** The page's Content-Security-Policy and body cut at the nonce they were rendered with: each response
   * gets a fresh nonce put back in, as proxy.ts gives every page view one of its own. */
  csp: string[];
  parts: Buffer[];
  /** Each part deflated on its own, ending on a byte boundary: see gzipped(). */
  deflated: Buffer[];
  bytes: number;
  keep: boolean;
};

export type FilledPage = { status: number; headers: [string, string][]; body: string };

export type PageCacheOptions = {
  /** What the cached pages show changes exactly when this value does (read from the database). */
  generation: () => Promise<string>;
  /** Renders the page as a reader without a session gets it, bypassing this cache. */
  fill: (path: string, headers: Record<string, string>) => Promise<FilledPage>;
  now?: () => number;
};

// Never stored: hop-by-hop and per-response headers, and those the cache writes itself.
const PER_RESPONSE = new Set([
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "content-encoding",
  "date",
  "content-security-policy",
  REQUEST_ID_HEADER,
]);

const newNonce = () => Buffer.from(randomUUID()).toString("base64");

/** The nonce of a page's Content-Security-Policy header (proxy.ts), if it has one. */
const nonceOf = (csp: string | undefined) => csp?.match(/'nonce-([^']+)'/)?.[1] ?? null;

export class PageCache {
  private readonly entries = new Map<string, Entry>();
  private readonly filling = new Map<string, Promise<Entry>>();
  private bytes = 0;
  private reading: Promise<string> | undefined;
  /** Marks this process's own fill requests, so that they reach Next.js rather than the cache. */
  readonly fillSecret = randomBytes(16).toString("hex");
  private readonly now: () => number;

  constructor(private readonly o: PageCacheOptions) {
    this.now = o.now ?? Date.now;
  }

  /** Whether this request may be answered from the cache: a plain page view by a reader without a session. */
  accepts(req: IncomingMessage): boolean {
    if (req.method !== "GET" && req.method !== "HEAD") return false;
    if (req.headers["x-page-cache-fill"] === this.fillSecret) return false;
    // Client-side navigations fetch the page as an RSC payload, not HTML: left to Next.js.
    if (req.headers.rsc || req.headers["next-router-state-tree"] || req.headers["next-action"]) return false;
    if (/session-token/.test(req.headers.cookie ?? "")) return false;
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.searchParams.has("_rsc")) return false;
    return CACHED_PAGES.test(url.pathname);
  }

  // Asked of the database for every cached page view (one indexed read, far cheaper than a rendering), so
  // that no reader ever gets a page older than the change that made it: readers arriving while a read is
  // under way share it.
  private generation(): Promise<string> {
    if (!this.reading) {
      this.reading = this.o.generation();
      const done = () => {
        this.reading = undefined;
      };
      this.reading.then(done, done);
    }
    return this.reading;
  }

  /** Answers the request from the cache, filling it first when the page is missing or out of date. */
  async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const key = req.url ?? "/";
    const generation = await this.generation();
    let entry = this.entries.get(key);
    if (!entry || entry.generation !== generation || this.now() - entry.filledAt > MAX_AGE_MS) {
      entry = await this.fillOnce(key, generation, req);
    }
    await send(req, res, entry);
  }

  // Readers who ask for the same page while it renders wait for that one rendering.
  private fillOnce(key: string, generation: string, req: IncomingMessage): Promise<Entry> {
    const pending = this.filling.get(key);
    if (pending) return pending;
    const filling = this.fill(key, generation, req).finally(() => this.filling.delete(key));
    this.filling.set(key, filling);
    return filling;
  }

  private async fill(key: string, generation: string, req: IncomingMessage): Promise<Entry> {
    const filled = await this.o.fill(key, {
      accept: String(req.headers.accept ?? "text/html"),
      "x-page-cache-fill": this.fillSecret,
    });
    const csp = filled.headers.find(([k]) => k === "content-security-policy")?.[1] ?? "";
    const nonce = nonceOf(csp);
    const cut = (text: string) => (nonce ? text.split(nonce) : [text]);
    const parts = cut(filled.body).map((p) => Buffer.from(p));
    // Only the language cookie, the same for every reader of this URL, may be served to all of them.
    const cookies = filled.headers.filter(([k]) => k === "set-cookie");
    const entry: Entry = {
      generation,
      filledAt: this.now(),
      status: filled.status,
      headers: filled.headers.filter(([k]) => !PER_RESPONSE.has(k)),
      csp: cut(csp),
      parts,
      deflated: parts.map((p) => deflateRawSync(p, { level: 6, finishFlush: constants.Z_SYNC_FLUSH })),
      bytes: parts.reduce((sum, p) => sum + p.length, 0) * 2,
      keep: filled.status === 200 && nonce !== null && cookies.every(([, v]) => v.startsWith("NEXT_LOCALE=")),
    };
    if (entry.keep) this.store(key, entry);
    return entry;
  }

  private store(key: string, entry: Entry) {
    const old = this.entries.get(key);
    if (old) {
      this.bytes -= old.bytes;
      this.entries.delete(key);
    }
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    // The oldest filled go first: a map iterates in insertion order.
    for (const [k, e] of this.entries) {
      if (this.bytes <= MAX_BYTES) break;
      this.entries.delete(k);
      this.bytes -= e.bytes;
    }
  }
}

async function send(req: IncomingMessage, res: ServerResponse, entry: Entry) {
  const byName = new Map<string, string[]>();
  for (const [k, v] of entry.headers) byName.set(k, [...(byName.get(k) ?? []), v]);
  for (const [k, v] of byName) res.setHeader(k, v.length === 1 ? (v[0] ?? "") : v);
  const nonce = newNonce();
  if (entry.csp.join("")) res.setHeader("content-security-policy", entry.csp.join(nonce));
  res.setHeader(REQUEST_ID_HEADER, randomUUID());
  const gzip = acceptsGzip(req.headers["accept-encoding"]);
  if (gzip) res.setHeader("content-encoding", "gzip");
  const bytes = gzip ? gzipped(entry, nonce) : Buffer.concat(between(entry.parts, Buffer.from(nonce)));
  res.setHeader("content-length", bytes.length);
  res.statusCode = entry.status;
  res.end(req.method === "HEAD" ? undefined : bytes);
}

/** The parts with `joint` between each two, as String.prototype.join puts it. */
const between = (parts: Buffer[], joint: Buffer) => parts.flatMap((p, i) => (i === 0 ? [p] : [joint, p]));

const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
const FINAL_EMPTY_BLOCK = Buffer.from([3, 0]);

/**
 * The page as gzip without compressing it again: its parts were deflated once when filled, each ending
 * on a byte boundary (a sync flush) and referring to nothing before it, so they follow one another in a
 * single deflate stream with the nonce between them as a stored block (RFC 1951 3.2.4). The checksum is
 * over the page as sent (RFC 1952).
 */
function gzipped(entry: Entry, nonce: string): Buffer {
  const text = Buffer.from(nonce);
  const stored = Buffer.alloc(5 + text.length);
  stored.writeUInt8(0, 0); // not final, stored
  stored.writeUInt16LE(text.length, 1);
  stored.writeUInt16LE(~text.length & 0xffff, 3);
  text.copy(stored, 5);
  let crc = 0;
  let size = 0;
  for (const chunk of between(entry.parts, text)) {
    crc = crc32(chunk, crc);
    size += chunk.length;
  }
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc >>> 0, 0);
  trailer.writeUInt32LE(size >>> 0, 4);
  return Buffer.concat([GZIP_HEADER, ...between(entry.deflated, stored), FINAL_EMPTY_BLOCK, trailer]);
}

/**
 * What the cached pages show changes when the dashboards' summaries are refreshed (server/metrics, each
 * minute when anything changed) or a moderation decision is logged (publications, redactions, reviewed
 * answers: the public appeals and the moderation log). Statuses and supports in the public list follow at
 * the next refresh, or within MAX_AGE_MS.
 */
export async function publicPagesGeneration(sql: postgres.Sql): Promise<string> {
  const [row] = await sql<{ generation: string }[]>`
    select coalesce((select refreshed_at::text from metrics_state where id = 1), '') || ' ' ||
      coalesce((select max(seq) from moderation_log), 0) as generation`;
  return row?.generation ?? "";
}

/** Renders a page through this very server, as a reader without a session would get it. */
export function fillOverLoopback(port: number): PageCacheOptions["fill"] {
  return async (path, headers) => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      // Uncompressed: the cache cuts the body at its nonce and compresses each response itself.
      headers: { ...headers, "accept-encoding": "identity" },
      redirect: "manual",
    });
    const list: [string, string][] = [];
    for (const [k, v] of response.headers) if (k !== "set-cookie") list.push([k, v]);
    for (const cookie of response.headers.getSetCookie()) list.push(["set-cookie", cookie]);
    return { status: response.status, headers: list, body: await response.text() };
  };
}
