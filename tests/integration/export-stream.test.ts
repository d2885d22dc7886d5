// The grid's export streams (issue 15, point 8): the file leaves in many chunks while the
// rows are still read, batch by batch after the last row read (keyset, never an offset);
// read back it has the header, every row once and the exact 合计; and it imports back.
import { spawnSync } from "node:child_process";
import Decimal from "decimal.js";
import ExcelJS from "exceljs";
import { GET as exportRoute } from "../../app/api/v1/projects/export/route";
import { getDb } from "../../lib/db";
import { EXPORT_BATCH } from "../../lib/exports/keyset";
import { keysetRows } from "../../lib/projects/export";
import { apiRequest, createUser, routeParams, sessionCookie } from "../factories";
import { dryRun } from "../support/imports";
import { serveArgs } from "../../scripts/lib/server";

const N = EXPORT_BATCH + 150;

describe("the grid's export streams", () => {
  let cookie: string;
  let industryId: string;
  const codes: string[] = [];
  let total = new Decimal(0);
  let contract = new Decimal(0);

  beforeAll(async () => {
    const staff = await createUser({ role: "STAFF", displayName: "流式导出员" });
    cookie = await sessionCookie(staff);
    const industry = await getDb().industry.create({ data: { code: "STREAM-IND", name: "流式导出产业" } });
    industryId = industry.id;
    const data = Array.from({ length: N }, (_, i) => {
      const code = `STR-${String(i).padStart(5, "0")}`;
      codes.push(code);
      // Cents that floating point cannot add exactly (0.1 + 0.2 …): the 合计 must be decimal.
      const investment = new Decimal(i % 9)
        .times("0.1")
        .plus("0.01")
        .plus(i * 1000);
      total = total.plus(investment);
      const contractInvestment = i % 3 === 0 ? null : new Decimal("12345.67").plus(i);
      if (contractInvestment) contract = contract.plus(contractInvestment);
      return {
        code,
        name: `流式项目${code}`,
        enterpriseName: `流式企业${code}有限公司`,
        industryId: industry.id,
        ownerId: staff.id,
        totalInvestment: investment.toFixed(2),
        contractInvestment: contractInvestment?.toFixed(2) ?? null,
        stage: (["LEAD", "SIGNED", "CONSTRUCTION"] as const)[i % 3],
        // Every fourth project unsigned: the keyset must not lose the NULLs.
        signingDate: i % 4 === 0 ? null : new Date(Date.UTC(2026, i % 12, (i % 27) + 1)),
      };
    });
    await getDb().project.createMany({ data });
  }, 60_000);

  it("sends the file in chunks; read back: the header, every project once in order, the exact 合计; it imports back", async () => {
    const res = await exportRoute(
      apiRequest(`/api/v1/projects/export?industry=STREAM-IND&sort=code&order=asc`, { cookie }),
      routeParams({}) as never,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("spreadsheetml");
    const reader = res.body!.getReader();
    const chunks: Uint8Array[] = [];
    for (let r = await reader.read(); !r.done; r = await reader.read()) chunks.push(r.value);
    expect(chunks.length).toBeGreaterThan(1);
    const bytes = Buffer.concat(chunks);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as never);
    const ws = wb.worksheets[0];
    expect(String(ws.getCell("A1").value)).toContain(`（${N} 个项目）`);
    expect(ws.getCell("C3").value).toBe("投资企业");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 3 });
    const exported: unknown[] = [];
    for (let r = 4; r < 4 + N; r++) exported.push(ws.getRow(r).getCell(1).value);
    expect(exported).toEqual(codes);
    const last = ws.getRow(4 + N);
    expect(last.getCell(1).value).toBe("合计");
    expect(last.getCell(6).value).toBe(Number(total.toFixed(2)));
    expect(last.getCell(8).value).toBe(Number(contract.toFixed(2)));
    expect(last.getCell(6).numFmt).toBe("#,##0.00");
    expect(ws.actualRowCount).toBe(4 + N);

    const job = await dryRun(cookie, new Uint8Array(bytes), "export.xlsx");
    expect(job).toMatchObject({ status: "DONE", total: N + 1, unchanged: N, skipped: 1, failed: 0, created: 0 });
  }, 180_000);

  it.each([
    ["signingDate", "asc"],
    ["signingDate", "desc"],
    ["stage", "desc"],
    ["totalInvestment", "asc"],
    ["totalInvestment", "desc"],
    ["code", "desc"],
  ] as const)(
    "reads by keyset, sorted by %s %s: every row once, in the order of one query (NULLs too)",
    async (sort, order) => {
      const where = { industryId };
      const orderBy = [{ [sort]: order }, { id: "asc" as const }];
      const whole = await getDb().project.findMany({ where, orderBy, select: { id: true } });
      const read: string[] = [];
      for await (const row of keysetRows(where, orderBy, N, 97)) read.push(row.id);
      expect(read).toEqual(whole.map((r) => r.id));
      const capped: string[] = [];
      for await (const row of keysetRows(where, orderBy, 300, 97)) capped.push(row.id);
      expect(capped).toEqual(whole.slice(0, 300).map((r) => r.id));
    },
  );

  it("checks before it streams: bad input is a JSON 400, no session a JSON 401", async () => {
    const bad = await exportRoute(
      apiRequest(`/api/v1/projects/export?sort=nonsense`, { cookie }),
      routeParams({}) as never,
    );
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.code).toBe("VALIDATION");
    const anonymous = await exportRoute(apiRequest(`/api/v1/projects/export`), routeParams({}) as never);
    expect(anonymous.status).toBe(401);
  });

  it("the production server's heap policy (HEAP_GROWING_PERCENT) is a whole number from 0 to 400, else it does not start", () => {
    for (const bad of ["-1", "401", "2.5", "many"]) {
      const run = spawnSync(process.execPath, serveArgs, {
        env: { ...process.env, HEAP_GROWING_PERCENT: bad, PORT: "0" },
        encoding: "utf8",
        timeout: 30_000,
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`HEAP_GROWING_PERCENT must be a whole number from 0 to 400 (is ${bad})`);
    }
  });
});
