import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";

// next-auth's own routes (sign-in, sign-out, CSRF, session): public by design.
async function handler(req: Request, ctx: { params: Promise<{ nextauth: string[] }> }) {
  return NextAuth(req as never, ctx as never, authOptions());
}

export { handler as GET, handler as POST };
