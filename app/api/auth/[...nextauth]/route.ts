import NextAuth from "next-auth";
import { getDatabase } from "@/db/client";
import { authOptions } from "@/server/auth/options";
import { signInLock } from "@/server/auth/sign-in";
import { BODY_LIMITS } from "@/server/http/body-limit";
import { clientAddressOf } from "@/server/http/client-address";
import { handleRoute } from "@/server/http/handle-route";
import { parseSingleValuedForm } from "@/server/http/single-valued-form";
import { hashForLog, requestLog } from "@/server/observability/logger";
import { isCrossOriginWrite } from "@/server/security/same-origin";

const nextAuth = NextAuth(authOptions);

const badRequest = (message: string) => Response.json({ error: "BAD_REQUEST", message }, { status: 400 });

/**
 * A sign-in is one urlencoded form, read once (handleRoute has read it within its limit): the e-mail the
 * lock is checked for is the e-mail next-auth signs in with, because a field sent twice is refused
 * rather than read as the first here and the last there. The lock itself, and the counting of failures,
 * happen in server/auth/sign-in.ts, on the credentials the password is checked against; the check here
 * only turns a lock into 429 with Retry-After before any password is looked at.
 */
async function limitedSignIn(req: Request, context: unknown) {
  if (isCrossOriginWrite(req))
    return Response.json({ error: "cross-origin request refused" }, { status: 403 });
  if (!new URL(req.url).pathname.endsWith("/callback/credentials")) return nextAuth(req, context);

  const type = req.headers.get("content-type")?.toLowerCase() ?? "";
  if (!type.startsWith("application/x-www-form-urlencoded"))
    return badRequest("Send the sign-in as application/x-www-form-urlencoded.");
  const form = parseSingleValuedForm(await req.clone().text());
  if (!form.ok) return badRequest(`The field "${form.duplicate}" was sent more than once.`);

  const email = form.fields.email ?? "";
  const lock = await signInLock(getDatabase(), { email, address: clientAddressOf(req.headers) });
  if (lock.locked) {
    requestLog().warn(
      {
        event: "rate-limit",
        rule: "signIn",
        loginHash: hashForLog(email),
        retryAfterSeconds: lock.retryAfterSeconds,
      },
      "rate limit refused",
    );
    return Response.json(
      { error: "RATE_LIMITED" },
      { status: 429, headers: { "Retry-After": String(lock.retryAfterSeconds) } },
    );
  }
  return nextAuth(req, context);
}

export const GET = handleRoute("auth", nextAuth);
export const POST = handleRoute("auth", limitedSignIn, BODY_LIMITS.form);
