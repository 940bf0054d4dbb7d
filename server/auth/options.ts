import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDatabase } from "@/db/client";
import { CLIENT_ADDRESS_HEADER, normalizeAddress, UNKNOWN_ADDRESS } from "../http/client-address";
import { hashForLog, requestLog } from "../observability/logger";
import { endSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import { signIn } from "./sign-in";

export function authSecret(): string {
  const value = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set: refusing to sign sessions without a secret.");
  return value;
}

// The JWT only carries the id of a session row; the row decides whether the session is alive.
export const authOptions: NextAuthOptions = {
  // A getter, so that building the app needs no secret but serving a request without one fails.
  get secret() {
    return authSecret();
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [
    CredentialsProvider({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      // Every attempt is logged (OWASP ASVS 5.0 V16.3.1): by user id when it succeeds, and by a keyed hash
      // of the login when it fails, so that guessing shows without the log holding anyone's e-mail.
      async authorize(credentials, req) {
        const log = requestLog();
        if (!credentials?.email || !credentials.password) {
          log.warn({ event: "sign-in", outcome: "failure", reason: "incomplete" }, "sign-in failed");
          return null;
        }
        const stamped = req.headers?.[CLIENT_ADDRESS_HEADER];
        const address = normalizeAddress(typeof stamped === "string" ? stamped : null) ?? UNKNOWN_ADDRESS;
        const started = await signIn(getDatabase(), { ...credentials, address });
        if (started.outcome !== "signed-in") {
          log.warn(
            {
              event: "sign-in",
              outcome: "failure",
              reason: started.outcome,
              loginHash: hashForLog(credentials.email),
            },
            "sign-in failed",
          );
          return null;
        }
        log.info(
          { event: "sign-in", outcome: "success", userId: started.user.id, role: started.user.role },
          "signed in",
        );
        return { id: started.user.id, sid: started.sessionId, name: started.user.fullName };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user && "sid" in user) token.sid = user.sid as string;
      return token;
    },
    session({ session, token }) {
      return { ...session, sid: token.sid };
    },
  },
  events: {
    async signOut({ token }) {
      requestLog().info({ event: "sign-out", userId: token?.sub ?? null }, "signed out");
      if (typeof token?.sid === "string") await endSession(getDatabase(), token.sid);
    },
  },
};
