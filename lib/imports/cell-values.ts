// The cells of a project row as a bureau's own table gives them, turned into what the row
// schema reads (pure): amounts with thousands separators or a unit (15,000 / 3.5亿 /
// 2800万), or in a column whose header says 亿元, become 万元; dates in the forms people
// type become YYYY-MM-DD; full-width codes become ASCII. Each change is returned so that
// the dry run can show it. Amounts go through the one money parser (parseWanInput) and
// dates through the one date reader (normalizeDate); what neither reads is left as given,
// for the schema to refuse with the cell repeated.
import { parseWanInput } from "../format";
import { projectDateFields, projectDecimalFields } from "../projects/schemas";
import { headerUnit, normalizeDate, type ProjectColumnKey } from "./columns";

/** How a converted value reads: an amount in 万元, 万美元 or 亩, a date, or text. */
export type ConversionKind = "wan" | "wanUsd" | "mu" | "date" | "text";
export type Conversion = { column: string; kind: ConversionKind; from: string; to: string };

type DecimalKey = (typeof projectDecimalFields)[number];
const decimalKind: Record<DecimalKey, ConversionKind> = {
  totalInvestment: "wan",
  fixedAssetInvestment: "wan",
  expectedAnnualOutput: "wan",
  expectedAnnualTax: "wan",
  contractInvestment: "wan",
  foreignCapital: "wanUsd",
  landArea: "mu",
};

/** A column's scale from its header's unit: 亿元 (and 亿美元) ×10,000, 元 ÷10,000, else as it is. */
type Scale = "yi" | "yuan" | undefined;
function scaleOf(unit: string | undefined): Scale {
  const u = unit?.replace(/人民币|美元/g, "元");
  if (!u) return undefined;
  if (/^亿元?$/.test(u)) return "yi";
  if (u === "元") return "yuan";
  return undefined;
}

/** The columns' scales, from the headers the file gives them ("总投资（亿元）" → yi). */
export function columnScales(mapping: Map<string, string>): Partial<Record<ProjectColumnKey, Scale>> {
  const out: Partial<Record<ProjectColumnKey, Scale>> = {};
  for (const [header, key] of mapping) {
    const scale = scaleOf(headerUnit(header));
    if (scale) out[key as ProjectColumnKey] = scale;
  }
  return out;
}

const plainNumber = /^\d+(\.\d{1,2})?$/;

/** An amount of a column as a decimal string (万元, 万美元 or 亩); null when it is not one. */
export function columnAmount(raw: string, kind: ConversionKind, scale: Scale): string | null {
  let s = raw.normalize("NFKC").replace(/[,\s]/g, "");
  if (kind === "mu") {
    s = s.replace(/亩$/, "");
    return /^\d+(\.\d+)?$/.test(s) ? parseWanInput(s) : null;
  }
  if (kind === "wanUsd") s = s.replace(/美元$/, "元");
  // A unit written in the cell wins over the header's.
  if (/^\d+(\.\d+)?$/.test(s)) s += scale === "yi" ? "亿" : scale === "yuan" ? "元" : "";
  return parseWanInput(s);
}

/**
 * The row's cells as the schema reads them, and the conversions made. A plain amount in a
 * 万元 column ("50000", "120.5") and a date already YYYY-MM-DD are not conversions.
 */
export function convertProjectCells(
  cells: Partial<Record<ProjectColumnKey, string>>,
  scales: Partial<Record<ProjectColumnKey, Scale>> = {},
): { cells: Partial<Record<ProjectColumnKey, string>>; conversions: Conversion[] } {
  const out = { ...cells };
  const conversions: Conversion[] = [];
  const record = (column: ProjectColumnKey, kind: ConversionKind, from: string, to: string) => {
    out[column] = to;
    if (from !== to) conversions.push({ column, kind, from, to });
  };
  for (const key of projectDecimalFields) {
    const raw = cells[key]?.trim();
    if (!raw) continue;
    const kind = decimalKind[key];
    const amount = columnAmount(raw, kind, scales[key]);
    if (amount === null) continue;
    if (plainNumber.test(raw) && !scales[key]) out[key] = amount;
    else record(key, kind, raw, amount);
  }
  for (const key of projectDateFields) {
    const raw = cells[key]?.trim();
    if (!raw) continue;
    const date = normalizeDate(raw);
    if (/^\d{4}-\d{2}-\d{2}$/.test(date)) record(key, "date", raw, date);
  }
  const code = cells.code?.trim();
  if (code) record("code", "text", code, code.normalize("NFKC").replace(/\s/g, ""));
  return { cells: out, conversions };
}
