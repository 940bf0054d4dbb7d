import type { NextRequest, NextResponse } from "next/server";
import createMiddleware from "next-intl/middleware";
import { routing } from "./i18n/routing";
import { REQUEST_ID_HEADER, requestIdFrom } from "./server/observability/request-id";

const handleI18nRouting = createMiddleware(routing);

/**
 * A fresh nonce per page: only scripts carrying it run, so a stored script in an appeal's text, an answer
 * or a file name cannot. Styles keep 'unsafe-inline' (style attributes cannot carry a nonce).
 */
function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV === "development" ? " 'unsafe-eval'" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/**
 * Hands extra headers to the page's request the way NextResponse.next({ request }) does, on top of
 * whatever the locale routing already forwards.
 */
function forwardToPage(response: NextResponse, request: NextRequest, extra: Record<string, string>) {
  const listed = response.headers.get("x-middleware-override-headers");
  const keys = new Set(listed ? listed.split(",") : []);
  if (!listed) {
    for (const [key, value] of request.headers) {
      response.headers.set(`x-middleware-request-${key}`, value);
      keys.add(key);
    }
  }
  for (const [key, value] of Object.entries(extra)) {
    response.headers.set(`x-middleware-request-${key}`, value);
    keys.add(key);
  }
  response.headers.set("x-middleware-override-headers", [...keys].join(","));
}

// Locale routing, security headers and the request id only: authorization lives in the procedures, never here.
export default function proxy(request: NextRequest) {
  const requestId = requestIdFrom(request.headers);
  const response = handleI18nRouting(request);
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  // Next.js reads the nonce for its own scripts from the request's policy header; the page's procedure
  // calls log under the request id (server/context.ts). API routes, not matched here, get theirs from
  // server/http/handle-route.ts.
  forwardToPage(response, request, {
    "x-nonce": nonce,
    "content-security-policy": csp,
    [REQUEST_ID_HEADER]: requestId,
    // The page asked for, so that a page for the signed-in can send a visitor to sign in and back here.
    "x-return-to": `${request.nextUrl.pathname}${request.nextUrl.search}`,
  });
  response.headers.set("Content-Security-Policy", csp);
  response.headers.set(REQUEST_ID_HEADER, requestId);
  return response;
}

export const config = {
  matcher: ["/((?!api|_next|_vercel|dev|.well-known|.*\\..*).*)"],
};
