// Imports run as jobs of the job runner (pg-boss, imports.run), not as promises of the web
// request: starting one puts a job in PostgreSQL that a worker takes. A job handed over
// again (a retry after its instance stopped or died) never imports a row twice: a finished
// import is left alone, one being run elsewhere is not run beside it, and a commit resumes
// after the rows its progress recorded.
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { getDb } from "../../lib/db";
import { creditCodeCheckChar } from "../../lib/enterprises/credit-code";
import { jobSchema } from "../../lib/jobs/boss";
import { recoverStalledImports } from "../../lib/imports/recover-stalled-imports";
import { runQueuedImport } from "../../lib/imports/run-queued-import";
import { createIndustry, createUser, sessionCookie } from "../factories";
import { commit, dryRun, xlsx, type Job } from "../support/imports";

const header = ["项目编号", "项目名称", "投资企业", "产业", "总投资（万元）"];

/** The states of the imports.run jobs of an import, once none is active any more (completion is written just after). */
const queued = async (importJobId: string) => {
  for (let i = 0; ; i++) {
    const rows = await getDb().$queryRawUnsafe<{ state: string }[]>(
      `select state from ${jobSchema}.job where name = 'imports.run' and data->>'importJobId' = $1`,
      importJobId,
    );
    if (i > 50 || !rows.some((r) => r.state === "active")) return rows.map((r) => r.state);
    await new Promise((r) => setTimeout(r, 100));
  }
};

describe("imports through the job runner", () => {
  let industry: string;
  let cookie: string;
  beforeAll(async () => {
    industry = (await createIndustry()).name;
    cookie = await sessionCookie(await createUser({ role: "STAFF" }));
  });
  const file = (prefix: string) =>
    xlsx([
      header,
      ...[1, 2, 3].map((i) => [`${prefix}-${i}`, `项目${i}`, `${prefix}企业${i}有限公司`, industry, "10"]),
    ]);

  it("a dry run and its commit are each a job on imports.run, done by a worker", async () => {
    const dry = await dryRun(cookie, await file("QJ"));
    expect(dry).toMatchObject({ status: "DONE", total: 3, created: 3 });
    expect(await queued(dry.id)).toEqual(["completed"]);
    const { job } = await commit(cookie, dry.id);
    expect(job).toMatchObject({ status: "DONE", created: 3 });
    expect(await queued(job!.id)).toEqual(["completed"]);
    expect(await getDb().project.count({ where: { code: { startsWith: "QJ-" } } })).toBe(3);
  });

  it("a commit handed over again after its process died half-way resumes, and imports no row twice", async () => {
    const db = getDb();
    const dry = await dryRun(cookie, await file("RS"));
    const source = await db.importJob.findUniqueOrThrow({ where: { id: dry.id } });
    const saved = path.join(process.env.UPLOAD_DIR!, `${source.storagePath}.copy`);
    fs.copyFileSync(path.join(process.env.UPLOAD_DIR!, source.storagePath), saved);
    const { job } = await commit(cookie, dry.id);
    expect(job).toMatchObject({ status: "DONE", created: 3 });

    // As the job stood when its process died: one row recorded as done, the next two written
    // but not yet recorded, the file still there.
    fs.copyFileSync(saved, path.join(process.env.UPLOAD_DIR!, source.storagePath));
    const done = await db.importJob.findUniqueOrThrow({ where: { id: job!.id } });
    const rows = (done.rows as { row: number }[]).filter((r) => r.row === 2);
    await db.importJob.update({
      where: { id: job!.id },
      data: { status: "RUNNING", processed: 1, created: 1, finishedAt: null, rows },
    });
    const audits = await db.auditLog.count();

    expect(await runQueuedImport({ importJobId: job!.id })).toEqual({ importJobId: job!.id, done: true });
    const resumed = await db.importJob.findUniqueOrThrow({ where: { id: job!.id } });
    expect(resumed).toMatchObject({ status: "DONE", total: 3, processed: 3, created: 1, unchanged: 2, failed: 0 });
    // The outcomes recorded before it died are kept, the rest follow: each row once, in order.
    expect((resumed.rows as { row: number }[]).map((r) => r.row)).toEqual([2, 3, 4]);
    expect(await db.project.count({ where: { code: { startsWith: "RS-" } } })).toBe(3);
    expect(await db.importJobProject.count({ where: { jobId: job!.id } })).toBe(3);
    expect(await db.auditLog.count()).toBe(audits);

    // Handed over once more when it is done: nothing happens.
    expect(await runQueuedImport({ importJobId: job!.id })).toEqual({ importJobId: job!.id, skipped: true });
  });

  it("a row that fails half-way is rolled back to its savepoint alone: the chunk's other rows are written", async () => {
    const db = getDb();
    // The database refuses one row's project after its new enterprise was written.
    await db.$executeRawUnsafe(`create or replace function refuse_boom() returns trigger language plpgsql as $$
      begin if new.name = 'BOOM' then raise exception 'refused'; end if; return new; end $$`);
    await db.$executeRawUnsafe(
      `create trigger refuse_boom before insert on projects for each row execute function refuse_boom()`,
    );
    try {
      const rows = [1, 2, 3, 4].map((i) => [
        `SP-${i}`,
        i === 3 ? "BOOM" : `项目${i}`,
        `SP企业${i}有限公司`,
        industry,
        "10",
      ]);
      const dry = await dryRun(cookie, await xlsx([header, ...rows]));
      expect(dry).toMatchObject({ status: "DONE", created: 4 });
      const audits = await db.auditLog.count();
      const { job } = await commit(cookie, dry.id);
      expect(job).toMatchObject({ status: "DONE", total: 4, processed: 4, created: 3, failed: 1 });
      expect(job!.rows.find((r) => r.key === "SP-3")).toMatchObject({ action: "error" });
      expect((await db.project.findMany({ where: { code: { startsWith: "SP-" } } })).map((p) => p.code).sort()).toEqual(
        ["SP-1", "SP-2", "SP-4"],
      );
      // Nothing of the failed row is left: not its enterprise, not an audit row, not a stage entry.
      expect(await db.enterprise.count({ where: { name: "SP企业3有限公司" } })).toBe(0);
      expect(await db.enterprise.count({ where: { name: { startsWith: "SP企业" } } })).toBe(3);
      expect(await db.auditLog.count()).toBe(audits + 3);
      expect(await db.importJobProject.count({ where: { jobId: job!.id } })).toBe(3);
    } finally {
      await db.$executeRawUnsafe(`drop trigger refuse_boom on projects`);
      await db.$executeRawUnsafe(`drop function refuse_boom()`);
    }
  });

  it("rows of one chunk that name each other's new enterprises are linked to them, as if written one by one", async () => {
    // A commit writes a chunk's new projects together; a row whose enterprise may be one of the
    // rows' before it still finds it (same name, same credit code) and is warned of its project.
    const db = getDb();
    const code17 = "91370211MA3CHUNK".padEnd(17, "0");
    const code = code17 + creditCodeCheckChar(code17);
    const rows = [
      ["CH-1", "项目一", "青岛链内测试新材料有限公司", "", industry, "10"],
      ["CH-2", "项目二", "宁波全然无关电子有限公司", "", industry, "10"],
      ["CH-3", "项目三", "青岛链内测试新材料有限公司", "", industry, "10"],
      ["CH-4", "项目四", "链内测试新材料（青岛）有限公司", "", industry, "10"],
      ["CH-5", "项目五", "链内甲方科技有限公司", code, industry, "10"],
      ["CH-6", "项目六", "链内乙方物流有限公司", code, industry, "10"],
    ];
    const dry = await dryRun(
      cookie,
      await xlsx([["项目编号", "项目名称", "投资企业", "统一社会信用代码", "产业", "总投资（万元）"], ...rows]),
    );
    expect(dry).toMatchObject({ status: "DONE", created: 6 });
    const { job } = await commit(cookie, dry.id);
    expect(job).toMatchObject({ status: "DONE", created: 6, failed: 0 });
    const projects = await db.project.findMany({
      where: { code: { startsWith: "CH-" } },
      select: { code: true, enterpriseId: true, enterpriseName: true },
      orderBy: { code: "asc" },
    });
    const of = (c: string) => projects.find((p) => p.code === c)!;
    expect(of("CH-3").enterpriseId).toBe(of("CH-1").enterpriseId);
    expect(of("CH-6")).toMatchObject({ enterpriseId: of("CH-5").enterpriseId, enterpriseName: "链内甲方科技有限公司" });
    expect(new Set(projects.map((p) => p.enterpriseId)).size).toBe(4);
    expect(await db.enterprise.count({ where: { nameKey: "链内测试新材料" } })).toBe(2);
    const warnings = (c: string) => job!.rows.find((r) => r.key === c)!.warnings.join(" ");
    expect(warnings("CH-3")).toContain("CH-1");
    expect(warnings("CH-4")).toContain("青岛链内测试新材料有限公司");
    expect(warnings("CH-6")).toContain("链内甲方科技有限公司");
    expect(warnings("CH-2")).toBe("");
    // Each new project has its stage history and its audit row, and is on the job's list.
    const created = await db.project.findMany({ where: { code: { startsWith: "CH-" } }, select: { id: true } });
    expect(await db.stageChange.count({ where: { projectId: { in: created.map((p) => p.id) } } })).toBe(6);
    expect(
      await db.auditLog.count({ where: { entityId: { in: created.map((p) => p.id) }, action: "import:create" } }),
    ).toBe(6);
    expect(await db.importJobProject.count({ where: { jobId: job!.id } })).toBe(6);
  });

  it("a long file's outcomes are recorded chunk by chunk: every row once, in order", async () => {
    const rows = Array.from({ length: 450 }, (_, i) => [
      `LONG-${i}`,
      `项目${i}`,
      `长表企业${i}有限公司`,
      "没有这个产业",
      "10",
    ]);
    const dry = await dryRun(cookie, await xlsx([header, ...rows]));
    expect(dry).toMatchObject({ status: "DONE", total: 450, failed: 450 });
    const stored = await getDb().importJob.findUniqueOrThrow({ where: { id: dry.id } });
    expect((stored.rows as { row: number }[]).map((r) => r.row)).toEqual(rows.map((_, i) => i + 2));
  });

  it("a job another worker holds is not run beside it (pg-boss retries it later)", async () => {
    const dry = await dryRun(cookie, await file("LK"));
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query(`select pg_advisory_lock(hashtext('import-job'), hashtext($1))`, [dry.id]);
      await expect(runQueuedImport({ importJobId: dry.id })).rejects.toThrow(/another worker/);
    } finally {
      await holder.end();
    }
  });

  it("an import whose run went silent (its process died) is sent again and finishes", async () => {
    const db = getDb();
    const dry = await dryRun(cookie, await file("RC"));
    const { job } = await commit(cookie, dry.id);
    const source = await db.importJob.findUniqueOrThrow({ where: { id: job!.id } });
    // As a commit stands when its process was killed before the first chunk was recorded.
    const files = path.join(process.env.UPLOAD_DIR!, source.storagePath);
    fs.writeFileSync(files, await file("RC"));
    await db.project.deleteMany({ where: { code: { startsWith: "RC-" } } });
    await db.$executeRaw`update import_jobs set status = 'RUNNING', processed = 0, created = 0, rows = '[]', "finishedAt" = null, "updatedAt" = now() - interval '3 minutes' where id = ${job!.id}`;

    expect(await recoverStalledImports()).toEqual({ resent: 1 });
    let final: Job | null = null;
    for (let i = 0; i < 200 && !final; i++) {
      const j = await db.importJob.findUniqueOrThrow({ where: { id: job!.id } });
      if (j.status !== "RUNNING") final = j as unknown as Job;
      else await new Promise((r) => setTimeout(r, 100));
    }
    expect(final).toMatchObject({ status: "DONE", created: 3 });
    expect(await db.project.count({ where: { code: { startsWith: "RC-" } } })).toBe(3);
  });
});
