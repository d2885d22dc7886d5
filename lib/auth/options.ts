import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../env";
import { isAppError } from "../errors";
import { logSecurityEvent } from "../security/log";
import { authenticate } from "./authenticate";
import { credentialsSchema } from "./schemas";

/** Error codes the login form turns into messages (next-auth passes thrown messages on). */
export const loginErrors = { locked: "ACCOUNT_LOCKED", invalid: "CredentialsSignin" } as const;

function clientIp(headers: Record<string, unknown> | undefined): string | null {
  const forwarded = headers?.["x-forwarded-for"];
  if (typeof forwarded === "string" && forwarded) return forwarded.split(",")[0].trim();
  const real = headers?.["x-real-ip"];
  return typeof real === "string" ? real : null;
}

export function authOptions(): NextAuthOptions {
  const e = env();
  const idleSeconds = e.SESSION_IDLE_MINUTES * 60;
  return {
    secret: e.NEXTAUTH_SECRET,
    session: { strategy: "jwt", maxAge: idleSeconds, updateAge: 60 },
    jwt: { maxAge: idleSeconds },
    pages: { signIn: "/login", error: "/login" },
    providers: [
      CredentialsProvider({
        name: "credentials",
        credentials: { username: { type: "text" }, password: { type: "password" } },
        async authorize(input, req) {
          const parsed = credentialsSchema.safeParse(input);
          if (!parsed.success) return null;
          try {
            const user = await authenticate({ ...parsed.data, ip: clientIp(req?.headers) });
            return { id: user.id, name: user.username, sessionVersion: user.sessionVersion };
          } catch (err) {
            if (isAppError(err) && err.code === "ACCOUNT_LOCKED") {
              throw new Error(`${loginErrors.locked}:${err.params?.minutes ?? ""}`);
            }
            if (isAppError(err)) return null;
            throw err;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          // Only what identifies the session: role and profile are read fresh per request.
          return {
            uid: user.id,
            sv: (user as { sessionVersion?: number }).sessionVersion ?? 0,
            authTime: Math.floor(Date.now() / 1000),
          };
        }
        return token;
      },
      async session({ session, token }) {
        return { ...session, user: { name: (token as { uid?: string }).uid ?? null } };
      },
    },
    events: {
      async signOut({ token }) {
        const uid = (token as { uid?: string } | null)?.uid;
        if (uid) await logSecurityEvent({ type: "LOGOUT", userId: uid });
      },
    },
  };
}
