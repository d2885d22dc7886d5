// One audit row in words, in the reader's language, from the catalogue (catalogue.ts): the
// entity ("项目 · 中硼科技碳化硼材料项目"), the action ("阶段变更 · 洽谈 → 签约") and each field
// changed ("产业: 新一代信息技术 → 高端装备"), money through the one money formatter, dates as
// dates, ids as the names of what they point at. Pure: the names come from names.ts.
import type { Locale } from "../i18n/config";
import { hasMessage, translate } from "../i18n/translate";
import { formatDateTime, formatWan, moneyParts } from "../format";
import { actionEntryOf, auditEntities, type FieldEntry, type FieldMap, type RefKind } from "./catalogue";

/** An audit row as read from the table (JSON snapshots as stored). */
export type AuditRow = {
  id: string;
  createdAt: string;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
};

export type AuditChange = { field: string; before: string | null; after: string | null };

/** What the history pages show of a row; the codes stay for filters and links, never for display. */
export type AuditDescription = {
  id: string;
  createdAt: string;
  actorId: string | null;
  actorName: string | null;
  entityType: string;
  entityId: string;
  action: string;
  entity: { label: string; name: string | null; href: string | null };
  summary: string;
  changes: AuditChange[];
};

/** Names of referenced records, keyed `${kind}:${id}`. */
export type RefNames = Map<string, string>;
export const refKey = (kind: RefKind, id: string) => `${kind}:${id}`;

type Snapshot = Record<string, unknown> | null;
const asSnapshot = (v: unknown): Snapshot =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
const isBlank = (v: unknown) => v === null || v === undefined || v === "" || (Array.isArray(v) && v.length === 0);

/** The fields, before and after, a row shows (after its action's reshape). */
function shapeOf(row: AuditRow) {
  const entity = auditEntities[row.entityType];
  const found = actionEntryOf(entity, row.action);
  const before = asSnapshot(row.before);
  const after = asSnapshot(row.after);
  const shaped = found?.entry.reshape ? found.entry.reshape(before, after) : { before, after };
  const fields: FieldMap = found?.entry.details === false ? {} : (found?.entry.fields ?? entity?.fields ?? {});
  return { entity, found, fields, ...shaped };
}

/** Every record a row names (its entity, its actor, the ids in its fields), to be named in one query. */
export function auditRefs(row: AuditRow): { kind: RefKind; id: string }[] {
  const { entity, found, fields, before, after } = shapeOf(row);
  const refs: { kind: RefKind; id: string }[] = [];
  if (row.actorId) refs.push({ kind: "user", id: row.actorId });
  if (entity?.ref) refs.push({ kind: entity.ref, id: row.entityId });
  const add = (f: FieldEntry, v: unknown) => {
    if (f.type !== "ref") return;
    for (const id of Array.isArray(v) ? v : [v]) if (typeof id === "string" && id) refs.push({ kind: f.ref, id });
  };
  for (const [k, f] of Object.entries(fields)) {
    add(f, before?.[k]);
    add(f, after?.[k]);
  }
  const subject = found?.entry.subject;
  if (subject && fields[subject]) add(fields[subject], after?.[subject] ?? before?.[subject]);
  return refs;
}

type Ctx = { locale: Locale; names: RefNames };

const t = (ctx: Ctx, key: string, params?: Record<string, string | number>) => translate(ctx.locale, key, params);

/** A code of a fixed set in words; an unknown code is never shown as it is. */
function codeText(ctx: Ctx, labels: string, code: string) {
  const key = `${labels}.${code}`;
  return hasMessage(ctx.locale, key) ? t(ctx, key) : t(ctx, "history.otherValue");
}

function bytesText(n: number) {
  if (n >= 1024 * 1024) return `${(n / 1024 / 1024).toFixed(1)} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} B`;
}

/** One value in words; null when blank. */
export function valueText(ctx: Ctx, f: FieldEntry, v: unknown, row: Snapshot = null): string | null {
  if (isBlank(v)) return null;
  const list = ctx.locale === "en" ? ", " : "、";
  switch (f.type) {
    case "text":
      return typeof v === "object" ? null : String(v);
    case "money": {
      const { amount, unit } = moneyParts(String(v));
      return `${amount} ${t(ctx, `common.units.${unit}`)}`;
    }
    case "amount":
      return `${formatWan(String(v))} ${t(ctx, f.unit)}`;
    case "number":
      return f.unit ? `${String(v)} ${t(ctx, f.unit)}` : String(v);
    case "date":
      return String(v).slice(0, 10);
    case "datetime":
      return formatDateTime(String(v));
    case "bool":
      return t(ctx, v === true ? "common.yes" : "common.no");
    case "list":
      return Array.isArray(v) ? v.map(String).join(list) : String(v);
    case "contacts": {
      if (!Array.isArray(v)) return null;
      const [open, sep, close] = ctx.locale === "en" ? [" (", ", ", ")"] : ["（", "，", "）"];
      return v
        .map((c: { name?: string; title?: string; phone?: string }) => {
          const more = [c.title, c.phone].filter(Boolean).join(sep);
          return `${c.name ?? ""}${more ? `${open}${more}${close}` : ""}`;
        })
        .join(list);
    }
    case "bytes":
      return bytesText(Number(v));
    case "code":
      return Array.isArray(v)
        ? v.map((c) => codeText(ctx, f.labels, String(c))).join(list)
        : codeText(ctx, f.labels, String(v));
    case "ref": {
      const ids = (Array.isArray(v) ? v : [v]).map(String);
      const fallback = f.fallback && typeof row?.[f.fallback] === "string" ? (row[f.fallback] as string) : null;
      return ids
        .map((id) => ctx.names.get(refKey(f.ref, id)) ?? (ids.length === 1 ? fallback : null) ?? t(ctx, "history.gone"))
        .join(list);
    }
  }
}

const same = (a: unknown, b: unknown) => {
  const norm = (v: unknown) => (isBlank(v) ? null : Array.isArray(v) ? [...v].map(String).sort() : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
};

/** One audit row in words (the names of its references resolved beforehand, see names.ts). */
export function describeAuditEntry(row: AuditRow, { locale, names }: { locale: Locale; names: RefNames }) {
  const ctx: Ctx = { locale, names };
  const { entity, found, fields, before, after } = shapeOf(row);

  const entityName = entity?.idIsDate
    ? row.entityId
    : ((entity?.ref ? names.get(refKey(entity.ref, row.entityId)) : undefined) ??
      (entity?.nameField
        ? ((asSnapshot(row.before)?.[entity.nameField] ?? asSnapshot(row.after)?.[entity.nameField]) as
            string | undefined)
        : undefined) ??
      null);

  let summary: string;
  if (found) {
    const params = Object.fromEntries(
      Object.entries(found.params).map(([k, p]) => [k, codeText(ctx, p.labels, p.code)]),
    );
    summary = t(ctx, `history.actions.${found.entry.label}`, params);
    const subject = found.entry.subject;
    const subjectField = subject ? (fields[subject] ?? ({ type: "text" } as FieldEntry)) : null;
    const subjectText =
      subject && subjectField
        ? valueText(ctx, subjectField, after?.[subject] ?? before?.[subject], after ?? before)
        : null;
    if (subjectText) summary += ` · ${subjectText}`;
  } else summary = t(ctx, "history.actions.other");

  const changes: AuditChange[] = [];
  for (const [k, f] of Object.entries(fields)) {
    const b = before?.[k];
    const a = after?.[k];
    if (before && after && same(b, a)) continue;
    const bt = before ? valueText(ctx, f, b, before) : null;
    const at = after ? valueText(ctx, f, a, after) : null;
    if (bt === null && at === null) continue;
    // A change between two snapshots reads "— → 2026-05-01"; a one-sided row (a creation, a deletion) its values.
    const dash = before && after ? "—" : null;
    changes.push({ field: t(ctx, `history.fields.${f.label ?? k}`), before: bt ?? dash, after: at ?? dash });
  }

  return {
    id: row.id,
    createdAt: row.createdAt,
    actorId: row.actorId,
    actorName: row.actorId ? (names.get(refKey("user", row.actorId)) ?? t(ctx, "history.gone")) : null,
    entityType: row.entityType,
    entityId: row.entityId,
    action: row.action,
    entity: {
      label: t(ctx, entity ? `history.entities.${row.entityType}` : "history.entities.other"),
      name: entityName,
      href: entity?.href ? entity.href(row.entityId) : null,
    },
    summary,
    changes,
  } satisfies AuditDescription;
}
