import { databaseAnswers, jobRunnerState } from "@/lib/health";

// Public by design (load balancers, monitoring): says nothing but whether we can serve
// (status and db, SPEC §10), and whether this instance runs its share of the jobs.
export const dynamic = "force-dynamic";

export async function GET() {
  const ok = await databaseAnswers();
  return Response.json(
    { status: ok ? "ok" : "error", db: ok ? "ok" : "error", jobs: jobRunnerState() },
    { status: ok ? 200 : 503 },
  );
}
