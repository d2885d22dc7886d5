// A bureau's own 重点项目推进情况表, built the way Excel and WPS save one: a title merged
// across the table, a 填报单位 / 填报日期 row, a header with 序号, units in brackets (总投资 in
// 亿元), a line break and stray blanks, an unknown 备注 column, 所属产业 merged down over
// the rows it holds for, amounts and dates in the forms people type, full-width text, a 小计
// and a 合计 row, a numbered row left empty and formatted rows below it.
import ExcelJS from "exceljs";

export const bureauHeader = [
  "序号",
  "项目\n编号",
  " 项目名称 ",
  "投资企业",
  "所属产业",
  "总投资（亿元）",
  "固定资产投资(万元)",
  "阶段",
  "签约日期",
  "计划开工时间",
  "合同投资额（万元）",
  "备注",
];

/** The workbook, with `code(n)` the project codes and `industry` a 产业 the database knows. */
export function bureauWorkbook({ code, industry }: { code: (n: number) => string; industry: string }) {
  const wb = new ExcelJS.Workbook();
  wb.creator = "WPS 表格";
  const ws = wb.addWorksheet("重点项目");
  const last = bureauHeader.length;
  ws.addRow(["2026年重点项目推进情况表"]);
  ws.mergeCells(1, 1, 1, last);
  ws.getCell(1, 1).alignment = { horizontal: "center" };
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.addRow(["填报单位：南湖区投资促进局", "", "", "", "", "", "填报日期：2026年3月5日"]);
  ws.mergeCells(2, 1, 2, 6);
  ws.mergeCells(2, 7, 2, last);
  ws.addRow(bureauHeader).font = { bold: true };
  // Row 4: full-width code and digits, 总投资 a number in the 亿元 column, a JS Date.
  ws.addRow([
    1,
    // ＢＵ－… in full width
    code(1).replace(/[A-Z0-9-]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) + 0xfee0)),
    "年产５万吨新材料项目",
    "青岛（示例）新材料有限公司",
    industry,
    3.5,
    "15,000",
    "签约",
    new Date(Date.UTC(2026, 2, 1)),
    "2026年3月",
    "3.5亿元",
    "已签约，正在办理注册",
  ]);
  // Row 5: an amount with its own unit in the 亿元 column wins; 所属产业 merged from row 4; a
  // date serial left as a plain number.
  ws.addRow([2, code(2), "智能装备产业园项目", "青岛示例装备有限公司", null, "2800万", "1,200.5", "洽谈", null, 46082]);
  ws.mergeCells(4, 5, 5, 5);
  ws.addRow([null, "小计", null, null, null, { formula: "F4+3.5", result: 7 }]);
  // Row 7: full-width 1.2 (亿元), 8000万元, an Excel date kept as a number with a date format (as WPS saves it).
  ws.addRow([
    3,
    code(3),
    "海洋生物医药项目",
    "青岛示例生物有限公司",
    industry,
    "１.２",
    "8000万元",
    "线索",
    null,
    46082,
  ]);
  ws.getCell(7, 10).numFmt = "yyyy/m/d";
  // Row 8: a dotted date.
  ws.addRow([4, code(4), "储能电池项目", "青岛示例能源有限公司", industry, "0.6", "6,000", "线索", null, "2026.3.1"]);
  ws.addRow(["合计", null, null, null, null, { formula: "SUM(F4:F8)", result: 9.1 }]);
  ws.mergeCells(9, 1, 9, 2);
  // A numbered row the bureau left empty, and formatted rows with nothing in them.
  ws.addRow([5, null, null, null, null, null, null, null, null, null, null, "待补充"]);
  for (let r = 11; r <= 13; r++) ws.getRow(r).getCell(3).border = { bottom: { style: "thin" } };
  return wb;
}

export const bureauBytes = async (args: Parameters<typeof bureauWorkbook>[0]) =>
  new Uint8Array(await bureauWorkbook(args).xlsx.writeBuffer());
