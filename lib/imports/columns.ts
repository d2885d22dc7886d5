import type { z } from "zod";
import { issueParams, type FieldMessage } from "../i18n/field-messages";
// Spreadsheet columns of the imports, matched by header. A header matches a column by
// its Chinese or English label (as the export and the template write them) or its API
// field name, ignoring spaces, case, full/half-width and a unit in brackets:
// "总投资（万元）", "总投资", "Investment (10k CNY)" and "totalInvestment" are one column.
import en from "../i18n/messages/en.json";
import zh from "../i18n/messages/zh-CN.json";
import { pipelineStages } from "../projects/stages";
import type { ImportKind } from "./schemas";

/** `aliases`: other headers a bureau's own table gives the column (建设单位, 所属产业, 开工时间…). */
export type ImportColumn<K extends string = string> = {
  key: K;
  label: string;
  required?: boolean;
  example?: string;
  aliases?: readonly string[];
};

export const projectColumns = [
  { key: "code", label: "projects.code", required: true, example: "NH-2026-0901" },
  { key: "name", label: "projects.name", required: true, example: "年产 10 万套储能电池项目" },
  {
    key: "enterpriseName",
    label: "projects.enterprise",
    required: true,
    example: "青岛示例新能源科技有限公司",
    aliases: ["建设单位", "项目单位", "投资主体", "企业名称"],
  },
  { key: "creditCode", label: "projects.creditCode", example: "" },
  { key: "industry", label: "projects.industry", required: true, example: "", aliases: ["所属产业", "产业类别"] },
  { key: "park", label: "projects.park", example: "", aliases: ["所属园区", "所在园区"] },
  {
    key: "totalInvestment",
    label: "projects.totalInvestment",
    required: true,
    example: "50000",
    aliases: ["总投资额"],
  },
  { key: "fixedAssetInvestment", label: "projects.fixedAssetInvestment", example: "42000" },
  { key: "foreignCapital", label: "projects.foreignCapital", example: "" },
  { key: "expectedAnnualOutput", label: "projects.expectedAnnualOutput", example: "120000" },
  { key: "expectedAnnualTax", label: "projects.expectedAnnualTax", example: "6000" },
  { key: "landArea", label: "projects.landArea", example: "80" },
  { key: "sourceChannel", label: "projects.sourceChannel", example: "专业招商" },
  { key: "keyProject", label: "projects.keyProject", example: "是" },
  { key: "owner", label: "projects.owner", example: "" },
  { key: "leader", label: "projects.leader", example: "" },
  { key: "stage", label: "projects.stage", example: "洽谈" },
  { key: "signingDate", label: "projects.signingDate", example: "", aliases: ["签约时间"] },
  { key: "contractInvestment", label: "projects.contractInvestment", example: "" },
  { key: "registrationDate", label: "projects.registrationDate", example: "", aliases: ["注册时间"] },
  { key: "plannedStartDate", label: "projects.plannedStartDate", example: "2027-03-01", aliases: ["计划开工时间"] },
  { key: "constructionDate", label: "projects.constructionDate", example: "", aliases: ["开工时间"] },
  { key: "completionDate", label: "projects.completionDate", example: "", aliases: ["竣工时间", "竣工日期"] },
  { key: "productionDate", label: "projects.productionDate", example: "", aliases: ["投产时间"] },
  { key: "tags", label: "projects.tags", example: "十强产业，储能" },
  { key: "description", label: "projects.description", example: "" },
] as const satisfies readonly ImportColumn[];
export type ProjectColumnKey = (typeof projectColumns)[number]["key"];

export const enterpriseColumns = [
  { key: "name", label: "enterprises.name", required: true, example: "青岛示例精密制造有限公司" },
  { key: "creditCode", label: "enterprises.creditCode", example: "" },
  { key: "region", label: "enterprises.region", example: "青岛市" },
  { key: "isLocal", label: "enterprises.isLocal", example: "是" },
  { key: "contact", label: "enterprises.contact", example: "王经理 13800000000" },
  { key: "scale", label: "chains.scale", example: "中型" },
  { key: "isChainLeader", label: "chains.isChainLeader", example: "否" },
  { key: "links", label: "projects.links", example: "智能换电摩托车/注塑件" },
] as const satisfies readonly ImportColumn[];
export type EnterpriseColumnKey = (typeof enterpriseColumns)[number]["key"];

/** A header or label in comparable form. */
export function normalizeHeader(h: string): string {
  return h
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[(【[][^)】\]]*[)】\]]/g, "")
    .replace(/[\s*_\-:：]/g, "");
}

function lookup(messages: unknown, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === "string" ? node : undefined;
}

/** Header (as written in the file) → column key; headers that match nothing are listed apart. */
export function matchHeaders<K extends string>(columns: readonly ImportColumn<K>[], headers: string[]) {
  const byName = new Map<string, K>();
  for (const c of columns) {
    for (const name of [c.key, lookup(zh, c.label), lookup(en, c.label), ...(c.aliases ?? [])])
      if (name) byName.set(normalizeHeader(name), c.key);
  }
  // The grid's short column titles (投资企业, 招商专员…) are the same labels; the export adds 产业/园区 names.
  const mapping = new Map<string, K>();
  const unknown: string[] = [];
  for (const h of headers) {
    const key = byName.get(normalizeHeader(h));
    if (key && ![...mapping.values()].includes(key)) mapping.set(h, key);
    else if (h) unknown.push(h);
  }
  const missing = columns.filter((c) => c.required && ![...mapping.values()].includes(c.key)).map((c) => c.key);
  return { mapping, unknown, missing };
}

/** A row's cells by column key (only the columns the file has). */
export function rowByKey<K extends string>(
  mapping: Map<string, K>,
  cells: Record<string, string>,
): Partial<Record<K, string>> {
  const out: Partial<Record<K, string>> = {};
  for (const [header, key] of mapping) out[key] = cells[header] ?? "";
  return out;
}

// Choice columns accept the code or its label in either language.
function choiceMap(prefix: string, codes: readonly string[]) {
  const m = new Map<string, string>();
  for (const code of codes)
    for (const name of [code, lookup(zh, `${prefix}.${code}`), lookup(en, `${prefix}.${code}`)])
      if (name) m.set(normalizeHeader(name), code);
  return m;
}
const stageNames = choiceMap("stages", pipelineStages);
const channelNames = choiceMap("sourceChannels", ["ALL_STAFF", "PROFESSIONAL", "VIA_INVESTOR", "SIGNING_WEEK"]);

/** A stage code from "洽谈", "Negotiating" or "NEGOTIATING"; the text itself when unknown (the schema refuses it). */
export const stageCode = (v: string) => stageNames.get(normalizeHeader(v)) ?? v;
export const channelCode = (v: string) => channelNames.get(normalizeHeader(v)) ?? v;

/** 是/否, Y/N, yes/no, true/false, 1/0, √; undefined for blank, the text itself when unknown. */
export function yesNo(v: string): boolean | string | undefined {
  const s = normalizeHeader(v);
  if (!s) return undefined;
  if (["是", "y", "yes", "true", "1", "√", "✓"].includes(s)) return true;
  if (["否", "n", "no", "false", "0", "×"].includes(s)) return false;
  return v;
}

/** Excel's day 0 (its serial 1 is 1900-01-01, counting the 1900-02-29 Lotus kept). */
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
/** Serials read as dates in a date column: 1927-05-18 to 2100-12-31 (a bare year such as 2026 is not one). */
const SERIALS = { min: 10_000, max: 73_415 } as const;

/**
 * A date as people and spreadsheets give it, as "YYYY-MM-DD": "2026-03-01", "2026/3/1",
 * "2026.3.1", "2026年3月1日" (a time after it is dropped), "2026年3月" and "2026-03" (the
 * 1st), an Excel serial left without its date format (46082 → 2026-03-01), full-width
 * digits. Other text comes back trimmed (the schema refuses it).
 */
export function normalizeDate(v: string): string {
  const s = v.normalize("NFKC").trim();
  const day =
    /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*[日号]?(?:\s+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(s);
  const month = /^(\d{4})\s*(?:年\s*(\d{1,2})\s*月(?:份)?|-(\d{1,2}))$/.exec(s);
  const pad = (n: string) => n.padStart(2, "0");
  if (day) return `${day[1]}-${pad(day[2])}-${pad(day[3])}`;
  if (month) return `${month[1]}-${pad(month[2] ?? month[3])}-01`;
  if (/^\d{5}(\.\d+)?$/.test(s)) {
    const serial = Math.floor(Number(s));
    if (serial >= SERIALS.min && serial <= SERIALS.max)
      return new Date(EXCEL_EPOCH + serial * 86_400_000).toISOString().slice(0, 10);
  }
  return s;
}

/**
 * The unit a header gives its column in brackets: "总投资（亿元）" → "亿元", "投资额(万元)" →
 * "万元", "用地（亩）" → "亩"; undefined without one.
 */
export function headerUnit(h: string): string | undefined {
  const m = /\(([^)]*)\)/.exec(
    h
      .normalize("NFKC")
      .replace(/[【\[]/g, "(")
      .replace(/[】\]]/g, ")"),
  );
  const unit = m?.[1].replace(/\s/g, "");
  return unit || undefined;
}

/**
 * A row's zod issues as one message per column (catalogue keys; the first issue of a
 * column wins; issues without a message key become "validation.invalid").
 */
export function errorsByColumn<K extends string>(
  issues: readonly z.core.$ZodIssue[],
): Partial<Record<K | "_", FieldMessage>> {
  const errors: Partial<Record<K | "_", FieldMessage>> = {};
  for (const issue of issues) {
    const key = ((issue.path[0] as K | undefined) ?? "_") as K | "_";
    errors[key] ??= { key: issue.message, params: issueParams(issue) };
  }
  return errors;
}

/** A spreadsheet cell left empty (or only blanks) as absent. */
export const blankCell = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);

/** "十强产业，储能、海洋" → ["十强产业", "储能", "海洋"]. */
export const splitTags = (v: string) =>
  v
    .split(/[,，、;；\s]+/)
    .map((s) => s.trim())
    .filter(Boolean);

/** The columns of an import kind. */
export const columnsOf = (kind: ImportKind): readonly ImportColumn[] =>
  kind === "PROJECTS" ? projectColumns : enterpriseColumns;
