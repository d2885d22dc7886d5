import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { assertProjectVisible, withVisibleProjects } from "../projects/visibility";
import { parseInput } from "../validation";
import { defaultLocale, type Locale } from "../i18n/config";
import { auditRefs, describeAuditEntry, type AuditRow } from "./describe";
import { resolveNames } from "./names";
import { auditQuerySchema } from "./schemas";

type Stored = {
  id: bigint;
  createdAt: Date;
  before: unknown;
  after: unknown;
  actorId: string | null;
  entityType: string;
  entityId: string;
  action: string;
};

/** Rows in words, in the reader's language: every name they need read in one query. */
export async function describe(rows: Stored[], locale: Locale) {
  const plain: AuditRow[] = rows.map((r) => ({
    id: r.id.toString(),
    actorId: r.actorId,
    entityType: r.entityType,
    entityId: r.entityId,
    action: r.action,
    before: r.before,
    after: r.after,
    createdAt: r.createdAt.toISOString(),
  }));
  const names = await resolveNames(plain.flatMap(auditRefs));
  return plain.map((r) => describeAuditEntry(r, { locale, names }));
}

/**
 * The change history of one entity (shown on its page), newest first. A project's only for
 * those who may read the bureau's work on it (else 404); an enterprise's without the steps
 * that name a project the actor may not see (a target turned into a lead).
 */
export async function entityHistory({
  actor,
  entityType,
  entityId,
  locale = defaultLocale,
}: {
  actor: Actor;
  entityType: "Project" | "Enterprise";
  entityId: string;
  locale?: Locale;
}) {
  assertCan(actor, entityType === "Project" ? "project.read" : "enterprise.read");
  const db = getDb();
  if (entityType === "Project") await assertProjectVisible(db, { actor, projectId: entityId, part: "work" });
  const rows = await db.auditLog.findMany({ where: { entityType, entityId }, orderBy: { id: "desc" }, take: 200 });
  const projectOf = (r: { after: unknown }) => {
    const id = (r.after as { projectId?: unknown } | null)?.projectId;
    return typeof id === "string" ? id : null;
  };
  const named = [...new Set(rows.map(projectOf).filter((id): id is string => !!id))];
  const visible = new Set(
    named.length
      ? (
          await db.project.findMany({
            where: withVisibleProjects(actor, { id: { in: named } }),
            select: { id: true },
          })
        ).map((p) => p.id)
      : [],
  );
  return describe(
    rows.filter((r) => entityType === "Project" || !projectOf(r) || visible.has(projectOf(r)!)),
    locale,
  );
}

/** The admin's searchable audit log (entity, actor, action: a code, or the start of codes such as `stage:`). */
export async function listAuditLog({
  actor,
  query,
  locale = defaultLocale,
}: {
  actor: Actor;
  query: unknown;
  locale?: Locale;
}) {
  assertCan(actor, "auditLog.read");
  const q = parseInput(auditQuerySchema, query);
  const db = getDb();
  let actorId: string | undefined;
  if (q.actor)
    actorId =
      (await db.user.findFirst({ where: { OR: [{ id: q.actor }, { username: q.actor }] }, select: { id: true } }))
        ?.id ?? "-";
  const where = {
    ...(q.entityType ? { entityType: q.entityType } : {}),
    ...(q.entityId ? { entityId: q.entityId } : {}),
    ...(actorId ? { actorId } : {}),
    ...(q.action ? { action: { startsWith: q.action } } : {}),
  };
  const [rows, total] = await Promise.all([
    db.auditLog.findMany({ where, orderBy: { id: "desc" }, skip: (q.page - 1) * q.pageSize, take: q.pageSize }),
    db.auditLog.count({ where }),
  ]);
  return { items: await describe(rows, locale), total, page: q.page, pageSize: q.pageSize };
}
