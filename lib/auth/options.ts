import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../env";
import { isAppError } from "../errors";
import { logSecurityEvent } from "../security/log";
import { authenticate } from "./authenticate";
import { endSession, openSession } from "./sessions";
import { credentialsSchema } from "./schemas";
import { requestAddress } from "../security/client-ip";
import { parseInput } from "../validation";

/** Error codes the login form turns into messages (next-auth passes thrown messages on). */
export const loginErrors = { locked: "ACCOUNT_LOCKED", invalid: "CredentialsSignin" } as const;

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
          const ip = requestAddress(req?.headers);
          try {
            const credentials = parseInput(credentialsSchema, { username: input?.username, password: input?.password });
            const user = await authenticate({ ...credentials, ip });
            return { id: user.id, name: user.username, sid: await openSession(user.id, ip) };
          } catch (err) {
            if (isAppError(err) && err.code === "ACCOUNT_LOCKED") {
              throw new Error(`${loginErrors.locked}:${err.params?.minutes ?? ""}`);
            }
            // Bad input (a NUL, a lone surrogate, too long) and any failure underneath are a
            // failed attempt like a wrong password: logged, and answered with no detail.
            if (!isAppError(err) || err.code === "VALIDATION")
              await logSecurityEvent({
                type: "LOGIN_FAILURE",
                username: typeof input?.username === "string" ? input.username.replace(/\u0000/g, "") : null,
                ip,
                detail: isAppError(err) ? "malformed input" : `error: ${String((err as Error)?.name ?? "")}`,
              }).catch(() => undefined);
            if (!isAppError(err)) console.error(err);
            return null;
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
            sid: (user as { sid?: string }).sid,
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
        const { uid, sid } = (token ?? {}) as { uid?: string; sid?: string };
        if (sid) await endSession(sid, "LOGOUT");
        if (uid) await logSecurityEvent({ type: "LOGOUT", userId: uid });
      },
    },
  };
}
