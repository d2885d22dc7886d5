// Exports people can file: a title row (what, when, by whom), the filters in words, 是/否,
// money as numbers with two decimals, an exact 合计 row, a file name with the filter and
// the date — and the file still imports back unchanged.
import ExcelJS from "exceljs";
import { GET as exportRoute } from "../../app/api/v1/projects/export/route";
import { getDb } from "../../lib/db";
import { shanghaiToday } from "../../lib/dates";
import { apiRequest, createUser, routeParams, sessionCookie } from "../factories";
import { dryRun } from "../support/imports";

describe("GET /api/v1/projects/export", () => {
  let cookie: string;
  let displayName: string;
  let industryCode: string;

  beforeAll(async () => {
    const staff = await createUser({ role: "STAFF", displayName: "导出测试员" });
    displayName = staff.displayName;
    cookie = await sessionCookie(staff);
    const industry = await getDb().industry.create({ data: { code: "EXP-IND", name: "导出测试装备" } });
    industryCode = industry.code;
    const project = (code: string, data: Record<string, unknown>) =>
      getDb().project.create({
        data: {
          code,
          name: `导出项目${code}`,
          enterpriseName: `导出企业${code}有限公司`,
          industryId: industry.id,
          ownerId: staff.id,
          totalInvestment: "1.00",
          ...data,
        },
      });
    // 0.1 + 0.2 is 0.30000000000000004 in floating point: the sums must be decimal.
    await project("EXP-1", {
      stage: "SIGNED",
      totalInvestment: "0.10",
      contractInvestment: "12345678.91",
      keyProject: true,
      signingDate: new Date("2026-03-05T00:00:00Z"),
    });
    await project("EXP-2", {
      stage: "SIGNED",
      totalInvestment: "0.20",
      fixedAssetInvestment: "0.70",
      contractInvestment: "0.09",
      signingDate: new Date("2026-04-01T00:00:00Z"),
    });
    await project("EXP-3", { stage: "LEAD", totalInvestment: "999.00" });
  });

  async function exported(query: string, as = cookie) {
    const res = await exportRoute(
      apiRequest(`/api/v1/projects/export?${query}`, { cookie: as }),
      routeParams({}) as never,
    );
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    return { res, bytes, ws: wb.worksheets[0] };
  }
  const values = (ws: ExcelJS.Worksheet, n: number) => (ws.getRow(n).values as unknown[]).slice(1);

  it("writes the title, the filters in words, the header, 是/否, numbers and an exact 合计 row", async () => {
    const { ws } = await exported(`stage=SIGNED&industry=${industryCode}&sort=code&order=asc`);
    const title = String(ws.getCell("A1").value);
    expect(title).toContain("招商项目清单（2 个项目）");
    expect(title).toContain(`导出时间：${shanghaiToday()}`);
    expect(title).toContain(`导出人：${displayName}`);
    expect(ws.getCell("A2").value).toBe("筛选条件：阶段: 签约; 产业: 导出测试装备");
    expect(values(ws, 3)).toEqual([
      "项目编号",
      "项目名称",
      "投资企业",
      "产业",
      "园区",
      "总投资（万元）",
      "固定资产投资（万元）",
      "合同投资额（万元）",
      "阶段",
      "预警",
      "重点项目",
      "签约日期",
      "招商专员",
      "分包领导",
      "更新时间",
    ]);
    const row = (n: number) => Object.fromEntries(values(ws, 3).map((h, i) => [h, ws.getRow(n).getCell(i + 1)]));
    const first = row(4);
    expect(first["项目编号"].value).toBe("EXP-1");
    expect(first["阶段"].value).toBe("签约");
    expect(first["重点项目"].value).toBe("是");
    expect(row(5)["重点项目"].value).toBe("否");
    expect(first["总投资（万元）"].value).toBe(0.1);
    expect(first["合同投资额（万元）"].value).toBe(12345678.91);
    expect(first["总投资（万元）"].numFmt).toBe("#,##0.00");
    expect(first["固定资产投资（万元）"].value).toBeNull();
    // 合计: the first column says so, the money columns carry the decimal sums.
    const total = row(6);
    expect(total["项目编号"].value).toBe("合计");
    expect(total["总投资（万元）"].value).toBe(0.3);
    expect(total["固定资产投资（万元）"].value).toBe(0.7);
    expect(total["合同投资额（万元）"].value).toBe(12345679);
    expect(total["合同投资额（万元）"].numFmt).toBe("#,##0.00");
    expect(ws.actualRowCount).toBe(6);
  });

  it("names the file by the filters and the date (RFC 5987 for the Chinese, an ASCII fallback)", async () => {
    const { res } = await exported(`stage=SIGNED&industry=${industryCode}`);
    const today = shanghaiToday();
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="projects-${today}.xlsx"; filename*=UTF-8''${encodeURIComponent(
        `招商项目_签约_导出测试装备_${today}.xlsx`,
      )}`,
    );
    const plain = await exported("q=EXP-");
    expect(plain.res.headers.get("content-disposition")).toContain(encodeURIComponent(`招商项目_EXP-_${today}.xlsx`));
  });

  it("says when there is no filter, and speaks English to an English reader", async () => {
    const { ws } = await exported("pageSize=1", `${cookie}; NEXT_LOCALE=en`);
    expect(ws.getCell("A2").value).toBe("Filters: none (every project you can see)");
    expect(String(ws.getCell("A1").value)).toContain(`by ${displayName}`);
    expect(values(ws, ws.actualRowCount)[0]).toBe("Total");
  });

  it("imports back unchanged: the title, filter and 合计 rows are not data", async () => {
    const { bytes } = await exported(`stage=SIGNED&industry=${industryCode}`);
    const job = await dryRun(cookie, bytes, "export.xlsx");
    expect(job).toMatchObject({ status: "DONE", total: 3, unchanged: 2, skipped: 1, failed: 0, created: 0 });
    expect(job.rows.find((r) => r.action === "skip")).toMatchObject({ row: 6, skipped: "合计行，不导入" });
  });
});
