import { NextRequest } from "next/server";
import { ATTACHMENT_LIMITS } from "../appeals/attachment-rules";

const KIB = 1024;

/**
 * How much a request may send, by what it sends. A limit is enforced while the body is read: a declared
 * Content-Length over it is refused before a byte is read, and a chunked body is refused as soon as it
 * passes it, so nobody can make the server hold more than this in memory for one request.
 */
export const BODY_LIMITS = {
  /** tRPC calls and any other JSON. */
  json: 1024 * KIB,
  /** Sign-in, Open311 GeoReport and other urlencoded forms. */
  form: 64 * KIB,
  /** A filing with attachments: every file at its declared maximum, plus the form's text fields. */
  upload: ATTACHMENT_LIMITS.maxFiles * ATTACHMENT_LIMITS.maxBytes + 64 * KIB,
} as const;

export class PayloadTooLargeError extends Error {
  constructor(readonly limitBytes: number) {
    super(`request body over ${limitBytes} bytes`);
  }
}

export function payloadTooLargeResponse(limitBytes: number): Response {
  return Response.json({ error: "PAYLOAD_TOO_LARGE", limitBytes }, { status: 413 });
}

/** How long what a refused client still sends is read and dropped before its connection is let go. */
export const REFUSED_BODY_LINGER_MS = 5_000;

/**
 * Reads and drops the rest of a refused body for at most `lingerMs`, then lets the connection go. Closing
 * at once, while the client is still writing, makes its TCP stack answer the next segment with a reset,
 * which may throw away the 413 before the client has read it (the "lingering close" of HTTP servers).
 * Nothing read here is kept, so a client can make the server hold nothing but its socket, and only for
 * the linger.
 */
function discardRest(reader: ReadableStreamDefaultReader<Uint8Array>, lingerMs: number): void {
  const letGo = setTimeout(() => void reader.cancel().catch(() => {}), lingerMs);
  void (async () => {
    try {
      for (;;) if ((await reader.read()).done) break;
    } catch {
      // The client broke off: there is nothing left to drop.
    } finally {
      clearTimeout(letGo);
    }
  })();
}

/**
 * The whole body, refused with PayloadTooLargeError the moment it passes `limit` bytes; what the client
 * still sends after that is dropped for `lingerMs` while the refusal is answered.
 */
export async function readBodyWithin(
  request: Request,
  limit: number,
  lingerMs = REFUSED_BODY_LINGER_MS,
): Promise<Uint8Array> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) {
    discardRest(reader, lingerMs);
    throw new PayloadTooLargeError(limit);
  }
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      discardRest(reader, lingerMs);
      throw new PayloadTooLargeError(limit);
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    body.set(chunk, at);
    at += chunk.byteLength;
  }
  return body;
}

const hasBody = (method: string) => method !== "GET" && method !== "HEAD";

/**
 * The same request with its body read within `limit` and held in memory, so that the handler (tRPC,
 * next-auth, a form parser) reads bytes already counted instead of the socket; or a 413 answer.
 */
export async function withinBodyLimit(request: Request, limit: number): Promise<Request | Response> {
  if (!hasBody(request.method)) return request;
  let body: Uint8Array;
  try {
    body = await readBodyWithin(request, limit);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return payloadTooLargeResponse(limit);
    // The client broke off or sent a broken chunked encoding: its fault, not ours.
    return Response.json(
      { error: "BAD_REQUEST", message: "The request body could not be read." },
      { status: 400 },
    );
  }
  const headers = new Headers(request.headers);
  headers.delete("transfer-encoding");
  headers.set("content-length", String(body.byteLength));
  return new NextRequest(request.url, {
    method: request.method,
    headers,
    body: body.byteLength > 0 ? (body as Uint8Array<ArrayBuffer>) : null,
    signal: request.signal,
  });
}
