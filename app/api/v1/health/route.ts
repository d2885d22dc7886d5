import { databaseAnswers } from "@/lib/health";

// Public by design (load balancers, monitoring): says nothing but whether we can serve.
export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await databaseAnswers();
  return Response.json({ status: ok ? "ok" : "error", db: ok ? "ok" : "error" }, { status: ok ? 200 : 503 });
}
