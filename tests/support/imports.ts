// Driving an import through its API routes as the import page does: upload (a dry run),
// poll until the job is done, commit. The rows are done by the job runner's imports.run
// worker, as in the app: this test process runs one (without the schedules), started on
// the first upload and stopped with the file's database (tests/support/database.ts).
import ExcelJS from "exceljs";
import { startJobRunner } from "../../lib/jobs/runner";
import { POST as startRoute } from "../../app/api/v1/imports/route";
import { GET as jobRoute } from "../../app/api/v1/imports/[id]/route";
import { POST as commitRoute } from "../../app/api/v1/imports/[id]/commit/route";
import { apiRequest, routeParams } from "../factories";

export type Job = {
  id: string;
  status: string;
  total: number;
  processed: number;
  created: number;
  updated: number;
  unchanged: number;
  failed: number;
  warnings: number;
  skipped: number;
  headerRow: number | null;
  ignoredColumns: string[];
  notices: string[];
  error: string | null;
  rows: {
    row: number;
    key: string;
    action: string;
    errors: { column: string; message: string; value?: string }[];
    skipped: string | null;
    warnings: string[];
    changes: string[];
    conversions: string[];
  }[];
};

export async function xlsx(rows: (string | number | Date | null)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("项目");
  for (const r of rows) ws.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** This test process's job runner: the imports' workers only, polling often, no schedules. */
export const startTestWorker = () =>
  startJobRunner({ schedules: false, queues: ["imports.run"], pollingIntervalSeconds: 0.5 });

export async function upload(cookie: string, bytes: Uint8Array, fileName: string, kind = "PROJECTS") {
  await startTestWorker();
  const form = new FormData();
  form.set("kind", kind);
  form.set("file", new File([bytes as BlobPart], fileName));
  const res = await startRoute(
    new Request("http://localhost/api/v1/imports", {
      method: "POST",
      headers: { cookie, origin: "http://localhost" },
      body: form,
    }),
    routeParams({}) as never,
  );
  return { status: res.status, body: await res.json() };
}

export async function finished(cookie: string, id: string): Promise<Job> {
  for (let i = 0; i < 2400; i++) {
    const res = await jobRoute(apiRequest(`/api/v1/imports/${id}`, { cookie }), routeParams({ id }) as never);
    const job = (await res.json()) as Job;
    if (job.status !== "RUNNING") return job;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("import did not finish");
}

export async function dryRun(cookie: string, bytes: Uint8Array, fileName = "projects.xlsx", kind = "PROJECTS") {
  const started = await upload(cookie, bytes, fileName, kind);
  expect(started.status).toBe(202);
  return finished(cookie, started.body.id);
}

export async function commit(cookie: string, id: string, body: Record<string, unknown> = {}) {
  await startTestWorker();
  const res = await commitRoute(
    apiRequest(`/api/v1/imports/${id}/commit`, { method: "POST", cookie, body }),
    routeParams({ id }) as never,
  );
  const json = await res.json();
  return { status: res.status, body: json, job: res.status === 202 ? await finished(cookie, json.id) : null };
}
