import NextAuth from "next-auth";
import { getDatabase } from "@/db/client";
import { authOptions } from "@/server/auth/options";
import { handleRoute } from "@/server/http/handle-route";
import { hashForLog, requestLog } from "@/server/observability/logger";
import { hitRateLimit, peekRateLimit } from "@/server/rate-limit/hit-rate-limit";
import { isCrossOriginWrite } from "@/server/security/same-origin";

const nextAuth = NextAuth(authOptions);

const tooMany = (subject: string, retryAfterSeconds: number) => {
  requestLog().warn(
    { event: "rate-limit", rule: "signIn", subjectHash: hashForLog(subject), retryAfterSeconds },
    "rate limit refused",
  );
  return Response.json(
    { error: "RATE_LIMITED" },
    { status: 429, headers: { "Retry-After": String(retryAfterSeconds) } },
  );
};

/**
 * Password guessing is limited per account and per address before next-auth sees the attempt; only
 * failed attempts count, so people who sign in often are never locked out.
 */
async function limitedSignIn(req: Request, context: unknown) {
  if (isCrossOriginWrite(req))
    return Response.json({ error: "cross-origin request refused" }, { status: 403 });
  if (!new URL(req.url).pathname.endsWith("/callback/credentials")) return nextAuth(req, context);

  // A body that is no form is malformed, not a fault of ours.
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  if (!form) return Response.json({ error: "BAD_REQUEST" }, { status: 400 });
  const ip = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  const subjects = [
    `email:${String(form.get("email") ?? "")
      .trim()
      .toLowerCase()}`,
    ...(ip ? [`ip:${ip}`] : []),
  ];
  const db = getDatabase();
  for (const subject of subjects) {
    const { allowed, retryAfterSeconds } = await peekRateLimit(db, "signIn", subject);
    if (!allowed) return tooMany(subject, retryAfterSeconds);
  }
  const response: Response = await nextAuth(req, context);
  const location = response.headers.get("location") ?? "";
  const body = response.headers.get("content-type")?.includes("json") ? await response.clone().text() : "";
  if (response.status === 401 || /error=/.test(location) || /error=/.test(body)) {
    for (const subject of subjects) await hitRateLimit(db, "signIn", subject);
  }
  return response;
}

export const GET = handleRoute("auth", nextAuth);
export const POST = handleRoute("auth", limitedSignIn);
