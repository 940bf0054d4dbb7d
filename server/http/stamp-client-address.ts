import type { IncomingMessage } from "node:http";
import { CLIENT_ADDRESS_HEADER, resolveClientAddress, type TrustedProxies } from "./client-address";

/**
 * Writes the caller's address into the request before Next.js sees it. Next.js only fills in
 * X-Forwarded-For from the socket when the client did not send one, and gives route handlers no socket,
 * so this is the one place where the true peer is known. Whatever the client sent in our header is
 * overwritten, never trusted.
 */
export function stampClientAddress(req: IncomingMessage, trusted: TrustedProxies): string {
  const address = resolveClientAddress({
    peer: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trusted,
  });
  req.headers[CLIENT_ADDRESS_HEADER] = address;
  // Keep the raw header list in step, for code that reads rawHeaders rather than headers.
  const raw: string[] = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const [name = "", value = ""] = req.rawHeaders.slice(i, i + 2);
    if (name.toLowerCase() !== CLIENT_ADDRESS_HEADER) raw.push(name, value);
  }
  req.rawHeaders.splice(0, req.rawHeaders.length, ...raw, CLIENT_ADDRESS_HEADER, address);
  return address;
}
