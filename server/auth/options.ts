import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDatabase } from "@/db/client";
import { endSession, SESSION_MAX_AGE_SECONDS, startSession } from "./sessions";

function secret(): string {
  const value = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (!value) throw new Error("AUTH_SECRET is not set: refusing to sign sessions without a secret.");
  return value;
}

// The JWT only carries the id of a session row; the row decides whether the session is alive.
export const authOptions: NextAuthOptions = {
  // A getter, so that building the app needs no secret but serving a request without one fails.
  get secret() {
    return secret();
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [
    CredentialsProvider({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials) {
        if (!credentials?.email || !credentials.password) return null;
        const started = await startSession(getDatabase(), credentials);
        if (!started) return null;
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
      if (typeof token?.sid === "string") await endSession(getDatabase(), token.sid);
    },
  },
};
