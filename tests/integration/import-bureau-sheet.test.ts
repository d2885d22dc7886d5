// A bureau's own 重点项目推进情况表 (tests/support/bureau-sheet.ts: title merged across the
// table, 填报单位 / 填报日期, 序号 and 备注, units in the header, amounts and dates as people
// type them, full-width text, 小计 and 合计, empty rows at the end) through the import's API
// on PostgreSQL: the dry run recognises every data row, skips the totals, shows each
// conversion and warns once of the columns it ignores; the commit creates the projects
// with the right 万元 and dates.
import { GET as jobRoute } from "../../app/api/v1/imports/[id]/route";
import { getDb } from "../../lib/db";
import { apiRequest, createIndustry, createUser, routeParams, sessionCookie } from "../factories";
import { bureauBytes } from "../support/bureau-sheet";
import { commit, dryRun, type Job } from "../support/imports";

const code = (n: number) => `BU-2026-0${n}`;

describe("a bureau's own table imported as it is kept", () => {
  let cookie: string;
  let industry: string;

  beforeAll(async () => {
    const staff = await createUser({ role: "STAFF" });
    cookie = await sessionCookie(staff);
    industry = (await createIndustry()).name;
  });

  const byRow = (job: Job) => Object.fromEntries(job.rows.map((r) => [r.row, r]));

  it("dry-runs with every data row recognised, the totals skipped and the conversions shown, then commits", async () => {
    const bytes = await bureauBytes({ code, industry });
    const dry = await dryRun(cookie, bytes, "2026年重点项目推进情况表.xlsx");
    expect(dry).toMatchObject({
      status: "DONE",
      error: null,
      total: 7,
      processed: 7,
      created: 4,
      failed: 0,
      skipped: 3,
      headerRow: 3,
      ignoredColumns: ["序号", "备注"],
      notices: ["表头在第 3 行：其上的标题、填报单位等行不导入", "以下列不导入：序号、备注"],
    });
    const rows = byRow(dry);
    expect(rows[4]).toMatchObject({ key: code(1), action: "create", errors: [] });
    expect(rows[4].conversions).toEqual([
      "总投资（万元）：3.5 → 35,000.00 万元",
      "固定资产投资（万元）：15,000 → 15,000.00 万元",
      "合同投资额（万元）：3.5亿元 → 35,000.00 万元",
      "计划开工日期：2026年3月 → 2026-03-01",
      "项目编号：ＢＵ－２０２６－０１ → BU-2026-01",
    ]);
    expect(rows[5]).toMatchObject({ key: code(2), action: "create", errors: [] });
    expect(rows[5].conversions).toEqual([
      "总投资（万元）：2800万 → 2,800.00 万元",
      "固定资产投资（万元）：1,200.5 → 1,200.50 万元",
      "计划开工日期：46082 → 2026-03-01",
    ]);
    expect(rows[6]).toMatchObject({ action: "skip", skipped: "小计行，不导入", errors: [] });
    expect(rows[7]).toMatchObject({ key: code(3), action: "create", errors: [] });
    expect(rows[7].conversions).toEqual([
      "总投资（万元）：１.２ → 12,000.00 万元",
      "固定资产投资（万元）：8000万元 → 8,000.00 万元",
    ]);
    expect(rows[8].conversions).toEqual([
      "总投资（万元）：0.6 → 6,000.00 万元",
      "固定资产投资（万元）：6,000 → 6,000.00 万元",
      "计划开工日期：2026.3.1 → 2026-03-01",
    ]);
    expect(rows[9]).toMatchObject({ action: "skip", skipped: "合计行，不导入" });
    expect(rows[10]).toMatchObject({ action: "skip", skipped: "导入的列都是空的（只有序号、备注等），不导入" });
    expect(Object.keys(rows).map(Number)).toEqual([4, 5, 6, 7, 8, 9, 10]);

    // The same job read in English.
    const en = (await (
      await jobRoute(
        apiRequest(`/api/v1/imports/${dry.id}`, { cookie: `${cookie}; NEXT_LOCALE=en` }),
        routeParams({ id: dry.id }) as never,
      )
    ).json()) as Job;
    expect(en.notices).toEqual([
      "The header is on row 3: the title and other rows above it are not imported",
      "These columns are not imported: 序号, 备注",
    ]);
    expect(byRow(en)[4].conversions[0]).toBe("Investment (10k CNY): 3.5 → 35,000.00 (10k CNY)");
    expect(byRow(en)[6].skipped).toBe("A subtotal row: not imported");

    const done = await commit(cookie, dry.id);
    expect(done.status).toBe(202);
    expect(done.job).toMatchObject({ status: "DONE", created: 4, failed: 0, skipped: 3 });
    const projects = await getDb().project.findMany({
      where: { code: { startsWith: "BU-2026-" } },
      orderBy: { code: "asc" },
      select: {
        code: true,
        stage: true,
        totalInvestment: true,
        fixedAssetInvestment: true,
        contractInvestment: true,
        signingDate: true,
        plannedStartDate: true,
        industry: { select: { name: true } },
      },
    });
    const day = (d: Date | null) => d?.toISOString().slice(0, 10) ?? null;
    expect(
      projects.map((p) => ({
        code: p.code,
        stage: p.stage,
        total: p.totalInvestment.toFixed(2),
        fixed: p.fixedAssetInvestment?.toFixed(2),
        contract: p.contractInvestment?.toFixed(2) ?? null,
        signed: day(p.signingDate),
        start: day(p.plannedStartDate),
        industry: p.industry.name,
      })),
    ).toEqual([
      {
        code: code(1),
        stage: "SIGNED",
        total: "35000.00",
        fixed: "15000.00",
        contract: "35000.00",
        signed: "2026-03-01",
        start: "2026-03-01",
        industry,
      },
      {
        code: code(2),
        stage: "NEGOTIATING",
        total: "2800.00",
        fixed: "1200.50",
        contract: null,
        signed: null,
        start: "2026-03-01",
        industry,
      },
      {
        code: code(3),
        stage: "LEAD",
        total: "12000.00",
        fixed: "8000.00",
        contract: null,
        signed: null,
        start: "2026-03-01",
        industry,
      },
      {
        code: code(4),
        stage: "LEAD",
        total: "6000.00",
        fixed: "6000.00",
        contract: null,
        signed: null,
        start: "2026-03-01",
        industry,
      },
    ]);

    // Imported again, the same table changes nothing.
    const again = await dryRun(cookie, bytes, "2026年重点项目推进情况表.xlsx");
    expect(again).toMatchObject({ status: "DONE", unchanged: 4, created: 0, updated: 0, failed: 0, skipped: 3 });
  });

  it("names only the columns really missing when the header lacks one, not every column", async () => {
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("表");
    ws.addRow(["重点项目推进情况表"]);
    ws.mergeCells(1, 1, 1, 5);
    ws.addRow(["序号", "项目名称", "建设单位", "所属产业", "总投资（亿元）"]);
    ws.addRow([1, "甲项目", "甲公司", industry, 1]);
    const job = await dryRun(cookie, new Uint8Array(await wb.xlsx.writeBuffer()), "no-code.xlsx");
    expect(job).toMatchObject({ status: "FAILED", error: "文件缺少必需的列：项目编号" });
  });
});
