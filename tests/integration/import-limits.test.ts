// What an import may cost the server: a file is read as a stream and refused as soon as
// it has more rows than the limit or unpacks to more than the cap; one import runs per user
// and IMPORT_MAX_RUNNING per server; an uploaded file is kept only while it can be imported.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { getDb } from "../../lib/db";
import { translate } from "../../lib/i18n/translate";
import { MAX_ROWS } from "../../lib/imports/read-sheet";
import { createIndustry, createUser, sessionCookie } from "../factories";
import { commit, dryRun, finished, upload, xlsx } from "../support/imports";
import { sheetXml, workbookParts, zip } from "../support/zip";

type User = Awaited<ReturnType<typeof createUser>>;
const header = ["项目编号", "项目名称", "投资企业", "产业", "总投资（万元）"];
const fileOf = async (jobId: string) =>
  path.join(process.env.UPLOAD_DIR!, (await getDb().importJob.findUniqueOrThrow({ where: { id: jobId } })).storagePath);

describe("import limits", () => {
  let industry: string;
  beforeAll(async () => {
    industry = (await createIndustry()).name;
  });
  const file = (code: string) => xlsx([header, [code, "项目", `${code}企业有限公司`, industry, "10"]]);

  it("a 300,000-row workbook: the dry run stops at the limit with bounded memory", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "import-big-"));
    const big = path.join(dir, "big.xlsx");
    const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: big, useSharedStrings: false });
    const sheet = writer.addWorksheet("项目");
    sheet.addRow(header).commit();
    for (let i = 0; i < 300_000; i++)
      sheet.addRow([`BIG-${i}`, `项目${i}`, `企业${i}有限公司`, industry, 100 + i]).commit();
    sheet.commit();
    await writer.commit();
    const bytes = fs.readFileSync(big);
    fs.rmSync(dir, { recursive: true, force: true });
    const cookie = await sessionCookie(await createUser({ role: "STAFF" }));

    const mb = (n: number) => Math.round(n / 1024 / 1024);
    const before = process.memoryUsage().rss;
    let peak = before;
    const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
    const started = Date.now();
    const job = await dryRun(cookie, bytes, "big.xlsx");
    const seconds = (Date.now() - started) / 1000;
    clearInterval(sampler);
    const after = process.memoryUsage().rss;
    console.log(
      `300,000 rows, ${mb(bytes.length)} MB .xlsx: ${job.status} in ${seconds.toFixed(1)} s; ` +
        `RSS before ${mb(before)} MB, peak ${mb(peak)} MB (+${mb(peak - before)}), after ${mb(after)} MB`,
    );
    expect(job).toMatchObject({ status: "FAILED", total: 0, processed: 0 });
    expect(job.error).toBe(translate("zh-CN", "imports.sheet.tooManyRows", { max: MAX_ROWS }));
    // ExcelJS's whole-workbook load took about 1.8 KB per row (1.5 GB for 820,000 rows).
    expect(peak - before).toBeLessThan(200 * 1024 * 1024);
  }, 120_000);

  it("a zip bomb is refused by its declared size (IMPORT_MAX_UNPACKED_MB), before it is unpacked", async () => {
    const cookie = await sessionCookie(await createUser({ role: "STAFF" }));
    const rows = [header, ["B-1", "x", "y", industry, "1"]];
    const bomb = zip(workbookParts([{ name: "项目", file: 1, xml: sheetXml(rows, 12 * 1024 * 1024) }]));
    expect(bomb.length).toBeLessThan(100 * 1024);
    const saved = process.env.IMPORT_MAX_UNPACKED_MB;
    process.env.IMPORT_MAX_UNPACKED_MB = "10";
    try {
      const job = await dryRun(cookie, bomb, "bomb.xlsx");
      expect(job.status).toBe("FAILED");
      expect(job.error).toBe(translate("zh-CN", "imports.sheet.tooLarge", { mb: 10 }));
    } finally {
      if (saved === undefined) delete process.env.IMPORT_MAX_UNPACKED_MB;
      else process.env.IMPORT_MAX_UNPACKED_MB = saved;
    }
    // Within the default cap (200 MB) the same file is read.
    expect((await dryRun(cookie, bomb, "bomb.xlsx")).status).toBe("DONE");
  });

  describe("how many run at once", () => {
    let user: User;
    let cookie: string;
    beforeEach(async () => {
      user = await createUser({ role: "STAFF" });
      cookie = await sessionCookie(user);
    });
    const running = (userId: string, updatedAt = new Date()) =>
      getDb().importJob.create({
        data: {
          kind: "PROJECTS",
          mode: "DRY_RUN",
          fileName: "x.xlsx",
          storagePath: "imports/none.xlsx",
          userId,
          updatedAt,
        },
      });

    it("one per user: a second start is refused with the rule (422); a job dead for 5 minutes does not count", async () => {
      const other = await running(user.id);
      const refused = await upload(cookie, await file("LIM-1"), "p.xlsx");
      expect(refused.status).toBe(422);
      expect(refused.body.error).toMatchObject({
        code: "RULE_IMPORT_RUNNING",
        message: translate("zh-CN", "errors.RULE_IMPORT_RUNNING"),
      });
      await getDb().importJob.update({
        where: { id: other.id },
        data: { updatedAt: new Date(Date.now() - 6 * 60_000) },
      });
      expect((await dryRun(cookie, await file("LIM-1"))).status).toBe("DONE");
    });

    it("two starts at the same moment: one runs, the other is refused", async () => {
      const bytes = await file("LIM-2");
      const answers = await Promise.all([upload(cookie, bytes, "a.xlsx"), upload(cookie, bytes, "b.xlsx")]);
      expect(answers.map((a) => a.status).sort()).toEqual([202, 422]);
      await finished(cookie, answers.find((a) => a.status === 202)!.body.id);
    });

    it("IMPORT_MAX_RUNNING per server: further starts and commits are refused with a message saying so", async () => {
      const dry = await dryRun(cookie, await file("LIM-3"));
      const saved = process.env.IMPORT_MAX_RUNNING;
      process.env.IMPORT_MAX_RUNNING = "2";
      try {
        await running((await createUser()).id);
        await running((await createUser()).id);
        const refused = await upload(cookie, await file("LIM-3"), "p.xlsx");
        expect(refused.status).toBe(422);
        expect(refused.body.error).toMatchObject({
          code: "RULE_IMPORT_BUSY",
          message: translate("zh-CN", "errors.RULE_IMPORT_BUSY", { max: 2 }),
        });
        expect((await commit(cookie, dry.id)).body.error.code).toBe("RULE_IMPORT_BUSY");
      } finally {
        if (saved === undefined) delete process.env.IMPORT_MAX_RUNNING;
        else process.env.IMPORT_MAX_RUNNING = saved;
        await getDb().importJob.updateMany({ where: { fileName: "x.xlsx" }, data: { status: "FAILED" } });
      }
      expect((await commit(cookie, dry.id)).job).toMatchObject({ status: "DONE", created: 1 });
    });
  });

  describe("the uploaded file is kept only while it can be imported", () => {
    let cookie: string;
    beforeEach(async () => {
      cookie = await sessionCookie(await createUser({ role: "STAFF" }));
    });

    it("gone after the commit, and after a dry run that failed", async () => {
      const dry = await dryRun(cookie, await file("KEEP-1"));
      const stored = await fileOf(dry.id);
      expect(fs.existsSync(stored)).toBe(true);
      expect((await commit(cookie, dry.id)).job?.status).toBe("DONE");
      expect(fs.existsSync(stored)).toBe(false);
      const again = await commit(cookie, dry.id);
      expect([again.status, again.body.error.code]).toEqual([422, "RULE_IMPORT_FILE_GONE"]);

      const failed = await dryRun(cookie, await xlsx([["备注"], ["x"]]));
      expect(failed.status).toBe("FAILED");
      expect(fs.existsSync(await fileOf(failed.id))).toBe(false);
    });

    it("a dry run's file goes when the same user uploads another file; any file after the retention period", async () => {
      const first = await dryRun(cookie, await file("KEEP-2"));
      const firstFile = await fileOf(first.id);
      const someoneElse = await sessionCookie(await createUser({ role: "STAFF" }));
      const theirs = await dryRun(someoneElse, await file("KEEP-3"));
      const theirFile = await fileOf(theirs.id);
      expect(fs.existsSync(firstFile)).toBe(true);

      const second = await dryRun(cookie, await file("KEEP-2"));
      expect(fs.existsSync(firstFile)).toBe(false);
      expect(fs.existsSync(await fileOf(second.id))).toBe(true);
      expect((await commit(cookie, first.id)).body.error.code).toBe("RULE_IMPORT_FILE_GONE");
      expect(fs.existsSync(theirFile)).toBe(true);

      // Eight days old: removed by the next start, whoever starts it.
      const old = new Date(Date.now() - 8 * 86_400_000);
      fs.utimesSync(theirFile, old, old);
      await dryRun(cookie, await file("KEEP-4"));
      expect(fs.existsSync(theirFile)).toBe(false);
      expect((await commit(someoneElse, theirs.id)).body.error.code).toBe("RULE_IMPORT_FILE_GONE");
    });
  });
});
