// The import's sheet reader: streams, stops at the row limit, refuses zip bombs before
// unpacking them and parts that unpack to more than they declare.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { openSheet, SheetError, type SheetLimits } from "@/lib/imports/read-sheet";
import { sheetXml, workbookParts, zip } from "../support/zip";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "read-sheet-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
let n = 0;
const file = (bytes: Buffer | Uint8Array, ext = ".xlsx") => {
  const f = path.join(dir, `f${n++}${ext}`);
  fs.writeFileSync(f, bytes);
  return f;
};
const limits: SheetLimits = { maxRows: 100, maxUnpackedBytes: 10 * 1024 * 1024 };
const read = async (f: string, l = limits) => {
  const sheet = await openSheet(f, f, l);
  const rows = [];
  for await (const r of sheet.rows()) rows.push(r);
  return { headers: sheet.headers, total: sheet.total, rows };
};
const reason = (p: Promise<unknown>) =>
  p.then(
    () => "read",
    (e) => (e instanceof SheetError ? e.reason : `not a SheetError: ${e}`),
  );

describe("openSheet", () => {
  it("reads the first sheet in tab order, whatever order its files are in", async () => {
    const f = file(
      zip(
        workbookParts([
          { name: "项目", file: 2, xml: sheetXml([["项目编号", "名称"], ["A-1", "甲"], [], ["A-2", "乙"]]) },
          { name: "说明", file: 1, xml: sheetXml([["说明"], ["别读这里"]]) },
        ]),
      ),
    );
    expect(await read(f)).toEqual({
      headers: ["项目编号", "名称"],
      total: 2,
      rows: [
        { row: 2, cells: { 项目编号: "A-1", 名称: "甲" } },
        { row: 4, cells: { 项目编号: "A-2", 名称: "乙" } },
      ],
    });
  });

  it("reads what ExcelJS writes: dates, numbers, rich text, shared strings, styles", async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("项目");
    ws.addRow(["项目编号", "日期", "数", "文本"]);
    ws.addRow(["A-1", new Date(Date.UTC(2026, 2, 5)), 1.5, { richText: [{ text: "富" }, { text: "文本" }] }]);
    const f = file(new Uint8Array(await wb.xlsx.writeBuffer()));
    expect((await read(f)).rows).toEqual([
      { row: 2, cells: { 项目编号: "A-1", 日期: "2026-03-05", 数: "1.5", 文本: "富文本" } },
    ]);
  });

  it("stops at the row limit: the limit and one more row read, .xlsx and .csv", async () => {
    const rows = [["项目编号"], ...Array.from({ length: 1000 }, (_, i) => [`A-${i}`])];
    const x = file(zip(workbookParts([{ name: "项目", file: 1, xml: sheetXml(rows) }])));
    const c = file(Buffer.from(rows.map((r) => r.join(",")).join("\r\n")), ".csv");
    for (const f of [x, c]) {
      const err = await openSheet(f, f, limits).catch((e) => e);
      expect(err).toBeInstanceOf(SheetError);
      expect([err.reason, err.rowsRead]).toEqual(["tooManyRows", 101]);
    }
  });

  it("refuses a zip bomb by its declared sizes, before unpacking it", async () => {
    const bomb = file(
      zip(workbookParts([{ name: "项目", file: 1, xml: sheetXml([["项目编号"], ["A-1"]], 12 * 1024 * 1024) }])),
    );
    expect(fs.statSync(bomb).size).toBeLessThan(100 * 1024);
    const started = Date.now();
    expect(await reason(openSheet(bomb, bomb, limits))).toBe("tooLarge");
    expect(Date.now() - started).toBeLessThan(1000);
    // The same file within a larger cap reads.
    expect((await read(bomb, { ...limits, maxUnpackedBytes: 20 * 1024 * 1024 })).total).toBe(1);
  });

  it("refuses a part that unpacks to more than it declares, without unpacking the rest", async () => {
    const xml = sheetXml([["项目编号"], ["A-1"]], 12 * 1024 * 1024);
    const liar = file(zip(workbookParts([{ name: "项目", file: 1, xml, declaredSize: 4096 }])));
    expect(await reason(openSheet(liar, liar, limits))).toBe("tooLarge");
    const short = file(
      zip(workbookParts([{ name: "项目", file: 1, xml: sheetXml([["项目编号"], ["A-1"]]), declaredSize: 1e6 }])),
    );
    expect(await reason(openSheet(short, short, limits))).toBe("format");
  });

  it("answers format for what is not a workbook, and empty for a sheet without data rows", async () => {
    expect(await reason(openSheet(file(Buffer.from("PK not really a zip")), "x.xlsx", limits))).toBe("format");
    expect(await reason(openSheet(file(zip([{ name: "a.txt", data: "x" }])), "x.xlsx", limits))).toBe("format");
    const headerOnly = file(zip(workbookParts([{ name: "项目", file: 1, xml: sheetXml([["项目编号"]]) }])));
    expect(await reason(openSheet(headerOnly, headerOnly, limits))).toBe("empty");
  });
});
