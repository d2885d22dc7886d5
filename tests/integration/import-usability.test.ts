// Imports people can act on: the template's sample row is skipped, each error repeats the
// cell, the dry run's errors download as a workbook to correct, and the grid shows exactly
// the projects an import wrote.
import ExcelJS from "exceljs";
import { GET as errorsRoute } from "../../app/api/v1/imports/[id]/errors/route";
import { GET as templateRoute } from "../../app/api/v1/imports/template/route";
import { GET as listRoute } from "../../app/api/v1/projects/route";
import { getDb } from "../../lib/db";
import { shanghaiToday } from "../../lib/dates";
import { listProjects } from "../../lib/projects/queries";
import { actorOf, apiRequest, createIndustry, createUser, routeParams, sessionCookie } from "../factories";
import { commit, dryRun, xlsx } from "../support/imports";

const header = ["项目编号", "项目名称", "投资企业", "产业", "总投资（万元）", "重点项目"];

async function template(cookie: string) {
  const res = await templateRoute(
    apiRequest("/api/v1/imports/template?kind=PROJECTS", { cookie }),
    routeParams({}) as never,
  );
  expect(res.status).toBe(200);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await res.arrayBuffer()) as never);
  return wb;
}
const bytesOf = async (wb: ExcelJS.Workbook) => new Uint8Array(await wb.xlsx.writeBuffer());

async function errorsFile(cookie: string, id: string) {
  return errorsRoute(apiRequest(`/api/v1/imports/${id}/errors`, { cookie }), routeParams({ id }) as never);
}

describe("imports people can act on", () => {
  let staff: Awaited<ReturnType<typeof createUser>>;
  let cookie: string;
  let industry: string;

  beforeAll(async () => {
    staff = await createUser({ role: "STAFF" });
    cookie = await sessionCookie(staff);
    industry = (await createIndustry()).name;
  });

  it("the template's sample row is marked 示例 and skipped: neither an error nor created", async () => {
    const wb = await template(cookie);
    const sample = wb.worksheets[0].getRow(2);
    expect(String(sample.getCell(1).value)).toMatch(/^示例：/);
    const projects = await getDb().project.count();

    const untouched = await dryRun(cookie, await bytesOf(wb), "template.xlsx");
    expect(untouched).toMatchObject({ status: "DONE", total: 1, skipped: 1, created: 0, failed: 0 });
    expect(untouched.rows).toEqual([
      expect.objectContaining({ row: 2, action: "skip", errors: [], skipped: "模板示例行，不导入" }),
    ]);

    // Rows filled in below the sample are imported; the sample row still is not.
    const ws = wb.worksheets[0];
    const codeCol = 1;
    const filled = ws.getRow(3);
    ws.getRow(2).eachCell((cell, col) => {
      filled.getCell(col).value = col === codeCol ? "TPL-ROW-1" : cell.value;
    });
    filled.getCell(2).value = "模板填写项目";
    filled.getCell(3).value = "模板填写企业有限公司";
    const dry = await dryRun(cookie, await bytesOf(wb), "template.xlsx");
    expect(dry).toMatchObject({ status: "DONE", total: 2, skipped: 1, created: 1, failed: 0 });
    const done = await commit(cookie, dry.id);
    expect(done.job).toMatchObject({ status: "DONE", created: 1, skipped: 1, failed: 0 });
    expect(await getDb().project.count()).toBe(projects + 1);
    expect(await getDb().project.count({ where: { code: { contains: "NH-2026-0901" } } })).toBe(0);

    // Typing over the sample row replaces the marker: then it is imported.
    ws.getRow(2).getCell(codeCol).value = "TPL-ROW-2";
    ws.getRow(2).getCell(2).value = "改写示例行项目";
    ws.getRow(2).getCell(3).value = "改写示例行企业有限公司";
    const over = await dryRun(cookie, await bytesOf(wb), "template.xlsx");
    expect(over).toMatchObject({ skipped: 0, created: 1, unchanged: 1 });
  });

  it("each error repeats the cell's value as the file gave it", async () => {
    const dry = await dryRun(
      cookie,
      await xlsx([
        header,
        ["USE-VAL-1", "数值项目", "数值测试企业有限公司", industry, "十二万", "也许"],
        ["USE-VAL-2", "", "数值测试企业二有限公司", "没有这个产业", "100", ""],
      ]),
    );
    expect(dry).toMatchObject({ status: "DONE", failed: 2 });
    const [first, second] = dry.rows;
    expect(first.errors).toEqual(
      expect.arrayContaining([
        { column: "总投资（万元）", message: "总投资（万元）请填写不超过两位小数的非负数", value: "十二万" },
        { column: "重点项目", message: expect.any(String), value: "也许" },
      ]),
    );
    // A blank cell has no value to repeat.
    expect(second.errors).toEqual(
      expect.arrayContaining([
        { column: "项目名称", message: "请填写项目名称" },
        { column: "产业", message: "产业不存在", value: "没有这个产业" },
      ]),
    );
  });

  it("the dry run's errors download as .xlsx: the rows with errors as uploaded, with 原行号 and 错误 added", async () => {
    const rows = [
      ["说明：本表由业务科室整理"],
      header,
      ["USE-ERR-1", "正确的项目", "错误下载测试企业一有限公司", industry, "1000", "是"],
      ["USE-ERR-2", "金额错误项目", "错误下载测试企业二有限公司", industry, "十二万", "否"],
      ["USE-ERR-3", "产业错误项目", "错误下载测试企业三有限公司", "没有这个产业", "12.345", ""],
      ["USE-ERR-4", "另一个正确项目", "错误下载测试企业四有限公司", industry, "88", ""],
    ];
    const dry = await dryRun(cookie, await xlsx(rows), "错误下载.xlsx");
    expect(dry).toMatchObject({ status: "DONE", total: 4, created: 2, failed: 2 });

    const res = await errorsFile(cookie, dry.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="import-errors-${dry.id}.xlsx"; filename*=UTF-8''${encodeURIComponent(
        `错误下载_错误行_${shanghaiToday()}.xlsx`,
      )}`,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await res.arrayBuffer()) as never);
    const ws = wb.worksheets[0];
    const values = (n: number) => (ws.getRow(n).values as unknown[]).slice(1);
    expect(values(1)).toEqual([...header, "原行号", "错误"]);
    expect(ws.actualRowCount).toBe(3);
    expect(values(2).slice(0, 7)).toEqual([
      "USE-ERR-2",
      "金额错误项目",
      "错误下载测试企业二有限公司",
      industry,
      "十二万",
      "否",
      4,
    ]);
    expect(values(2)[7]).toBe("总投资（万元）请填写不超过两位小数的非负数 — 「十二万」");
    expect(values(3).slice(0, 7)).toEqual([
      "USE-ERR-3",
      "产业错误项目",
      "错误下载测试企业三有限公司",
      "没有这个产业",
      "12.345",
      undefined,
      5,
    ]);
    expect(String(values(3)[7]).split("\n").sort()).toEqual(
      ["产业不存在 — 「没有这个产业」", "总投资（万元）请填写不超过两位小数的非负数 — 「12.345」"].sort(),
    );
    // The cells with an error are shaded; the others are not.
    expect(ws.getRow(2).getCell(5).fill).toMatchObject({ type: "pattern", fgColor: { argb: "FFFDE2E2" } });
    expect(ws.getRow(2).getCell(4).fill).toBeUndefined();

    // Corrected and uploaded again, the file imports: the added columns are ignored.
    ws.getRow(2).getCell(5).value = "120000";
    ws.getRow(3).getCell(4).value = industry;
    ws.getRow(3).getCell(5).value = "12.35";
    const again = await dryRun(cookie, new Uint8Array(await wb.xlsx.writeBuffer()), "错误下载_错误行.xlsx");
    expect(again).toMatchObject({ status: "DONE", total: 2, created: 2, failed: 0 });

    // Only the job's owner gets it; once the dry run is imported its file is gone.
    const other = await sessionCookie(await createUser({ role: "STAFF" }));
    expect((await errorsFile(other, dry.id)).status).toBe(404);
    await commit(cookie, again.id);
    const gone = await errorsFile(cookie, again.id);
    expect(gone.status).toBe(422);
    expect((await gone.json()).error.code).toBe("RULE_IMPORT_FILE_GONE");
  });

  it("the grid filters by import job: exactly the projects that import created or changed", async () => {
    const industryRow = await getDb().industry.findFirstOrThrow({ where: { name: industry } });
    const existing = (code: string, totalInvestment: string) =>
      getDb().project.create({
        data: {
          code,
          name: `已有项目${code}`,
          enterpriseName: `已有企业${code}有限公司`,
          industryId: industryRow.id,
          totalInvestment,
          ownerId: staff.id,
        },
      });
    await existing("USE-JOB-OLD1", "100.00");
    await existing("USE-JOB-OLD2", "200.00");
    const other = await existing("USE-JOB-OTHER", "300.00");
    const file = await xlsx([
      header,
      ["USE-JOB-OLD1", "", "", "", "150", ""], // updated
      ["USE-JOB-OLD2", "", "", "", "200", ""], // unchanged
      ["USE-JOB-NEW1", "批次新项目一", "批次测试企业一有限公司", industry, "10", ""],
      ["USE-JOB-NEW2", "批次新项目二", "批次测试企业二有限公司", industry, "20", "是"],
      ["USE-JOB-BAD", "批次错误项目", "批次测试企业三有限公司", industry, "abc", ""],
    ]);
    const dry = await dryRun(cookie, file);
    const done = await commit(cookie, dry.id, { skipErrors: true });
    expect(done.job).toMatchObject({ created: 2, updated: 1, unchanged: 1, failed: 1 });
    const jobId = done.body.id as string;

    const actor = actorOf(staff);
    const list = await listProjects({ actor, query: { importJob: jobId, sort: "code", order: "asc" } });
    expect(list.total).toBe(3);
    expect(list.items.map((p) => p.code)).toEqual(["USE-JOB-NEW1", "USE-JOB-NEW2", "USE-JOB-OLD1"]);
    expect(
      (await getDb().importJobProject.findMany({ where: { jobId }, orderBy: { action: "asc" } })).map((r) => r.action),
    ).toEqual(["CREATE", "CREATE", "UPDATE"]);
    // Composes with the other filters, and the API takes it too.
    const keyOnly = await listProjects({ actor, query: { importJob: jobId, key: "true" } });
    expect(keyOnly.items.map((p) => p.code)).toEqual(["USE-JOB-NEW2"]);
    const res = await listRoute(
      apiRequest(`/api/v1/projects?importJob=${jobId}`, { cookie }),
      routeParams({}) as never,
    );
    expect((await res.json()).total).toBe(3);
    // The dry run wrote nothing; a project the file did not name is not in the batch.
    expect((await listProjects({ actor, query: { importJob: dry.id } })).total).toBe(0);
    expect((await listProjects({ actor, query: { importJob: jobId } })).items.map((p) => p.id)).not.toContain(other.id);

    // Importing the same file again changes nothing, so that import's view is empty.
    const again = await commit(cookie, (await dryRun(cookie, file)).id, { skipErrors: true });
    expect(again.job).toMatchObject({ created: 0, updated: 0 });
    expect((await listProjects({ actor, query: { importJob: again.body.id } })).total).toBe(0);
  });
});
