import NextAuth from "next-auth";
import { limitLoginAttempts } from "@/lib/auth/login-rate";
import { authOptions } from "@/lib/auth/options";

// next-auth's own routes (sign-in, sign-out, CSRF, session): public by design; sign-in
// attempts are counted per client address first.
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return (await limitLoginAttempts(req)) ?? NextAuth(req as never, ctx as never, authOptions());
}

export { handler as GET, handler as POST };
