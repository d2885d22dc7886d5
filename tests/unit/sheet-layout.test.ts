// Rows that are not data: the template's sample row, an export's 合计 row and the title
// rows above its header; and one row error as a line of text.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { matchHeaders, projectColumns } from "@/lib/imports/columns";
import { errorLine } from "@/lib/imports/error-line";
import { openSheet } from "@/lib/imports/read-sheet";
import { rowMarker } from "@/lib/imports/sheet-layout";

describe("rowMarker", () => {
  it("knows the sample row by 示例 (or Example) leading its first non-empty cell", () => {
    expect(rowMarker(["示例：NH-2026-0901", "年产 10 万套储能电池项目"])).toBe("sample");
    expect(rowMarker(["", " 示例 ", "x"])).toBe("sample");
    expect(rowMarker(["示例:NH-1"])).toBe("sample");
    expect(rowMarker(["Example: NH-2026-0901"])).toBe("sample");
    expect(rowMarker(["example"])).toBe("sample");
  });

  it("knows a total row by 合计 (or Total) alone", () => {
    expect(rowMarker(["合计", "", "", "1,234.50"])).toBe("total");
    expect(rowMarker(["合计：", "3"])).toBe("total");
    expect(rowMarker(["Total"])).toBe("total");
  });

  it("leaves data alone: codes, enterprise names that only begin with the word, empty rows", () => {
    expect(rowMarker(["NH-2026-0901", "示例"])).toBeUndefined();
    expect(rowMarker(["示例科技有限公司"])).toBeUndefined();
    expect(rowMarker(["示例（青岛）精密制造有限公司"])).toBeUndefined();
    expect(rowMarker(["合计划项目"])).toBeUndefined();
    expect(rowMarker(["Totally New Ltd"])).toBeUndefined();
    expect(rowMarker(["", ""])).toBeUndefined();
  });
});

describe("openSheet finds the header below title rows", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sheet-layout-"));
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
  const limits = { maxRows: 100, maxUnpackedBytes: 10 * 1024 * 1024 };
  const isHeader = (values: string[]) => matchHeaders(projectColumns, values).missing.length === 0;
  const header = ["项目编号", "项目名称", "投资企业", "产业", "总投资（万元）"];

  it("skips the title and filter rows, and marks the 合计 and sample rows", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("项目");
    ws.addRow(["招商项目清单（2 个项目）"]);
    ws.addRow(["筛选条件：阶段: 签约"]);
    ws.addRow(header);
    ws.addRow(["示例：NH-1", "示例项目", "示例企业", "高端装备", 1]);
    ws.addRow(["NH-2", "项目二", "企业二", "高端装备", 2]);
    ws.addRow(["合计", "", "", "", 3]);
    const f = path.join(dir, "title.xlsx");
    await wb.xlsx.writeFile(f);
    const sheet = await openSheet(f, f, limits, isHeader);
    expect(sheet).toMatchObject({ headers: header, headerRow: 3, total: 3 });
    const rows = [];
    for await (const r of sheet.rows()) rows.push({ row: r.row, code: r.cells["项目编号"], marker: r.marker });
    expect(rows).toEqual([
      { row: 4, code: "示例：NH-1", marker: "sample" },
      { row: 5, code: "NH-2", marker: undefined },
      { row: 6, code: "合计", marker: "total" },
    ]);
  });

  it("takes the first row as the header when no row of the top ten has the required columns", async () => {
    const f = path.join(dir, "plain.csv");
    fs.writeFileSync(f, "项目名称,备注\nx,y\n");
    const sheet = await openSheet(f, f, limits, isHeader);
    expect(sheet).toMatchObject({ headers: ["项目名称", "备注"], headerRow: 1, total: 1 });
  });
});

describe("errorLine", () => {
  const withValue = ({ message, value }: { message: string; value: string }) => `${message} — 「${value}」`;
  it("leads with the column unless the message names it, and repeats the cell", () => {
    expect(
      errorLine(
        { column: "总投资（万元）", message: "总投资（万元）请填写不超过两位小数的非负数", value: "十二万" },
        withValue,
      ),
    ).toBe("总投资（万元）请填写不超过两位小数的非负数 — 「十二万」");
    expect(errorLine({ column: "项目编号", message: "文件中该项目编号重复出现", value: "NH-1" }, withValue)).toBe(
      "项目编号：文件中该项目编号重复出现 — 「NH-1」",
    );
    expect(errorLine({ column: "阶段", message: "阶段须填写签约日期" }, withValue)).toBe("阶段须填写签约日期");
    expect(errorLine({ column: "", message: "无权修改该项目" }, withValue)).toBe("无权修改该项目");
  });
});
