import "server-only";
import { z } from "zod";
import type { Tx } from "../db";
import { writeAudit } from "../audit/log";
import type { Actor } from "../auth/permissions";
import { enterpriseEditable } from "../enterprises/can-edit";
import { findSimilarEnterprises } from "../enterprises/duplicates";
import { nameColumns } from "../enterprises/name-key";
import { AppError, isAppError } from "../errors";
import { lockRow } from "../locks";
import { errorsByColumn, type EnterpriseColumnKey } from "./columns";
import type { RowOutcome, RowWarning } from "./outcome";
import { issueKey, type FieldMessage } from "../i18n/field-messages";
import { enterpriseRowSchema } from "./schemas";
import { withoutInvisible } from "../text";

type EnterpriseRow = Omit<z.output<typeof enterpriseRowSchema>, "links"> & { linkIds?: string[] };
type Errors = Partial<Record<EnterpriseColumnKey | "_", FieldMessage>>;

/** `links` holds every link by "链/环节" and, when the name is unique, by "环节" alone. */
export type EnterpriseImportContext = {
  actor: Actor;
  linkSimilar: boolean;
  seen: Set<string>;
  links: Map<string, string | null>;
};

export async function loadLinkNames(db: Tx): Promise<Map<string, string | null>> {
  const rows = await db.chainLink.findMany({ select: { id: true, name: true, chain: { select: { name: true } } } });
  const map = new Map<string, string | null>();
  for (const r of rows) {
    map.set(`${r.chain.name}/${r.name}`, r.id);
    map.set(r.name, map.has(r.name) ? null : r.id);
  }
  return map;
}

export type EnterprisePlan =
  | { action: "create"; row: EnterpriseRow }
  | { action: "update"; id: string; version: number; data: Partial<EnterpriseRow> }
  | { action: "unchanged" | "error" };

/**
 * One row: the enterprise with this credit code, else with this exact name, else (when
 * the user asked for it) the nearest similar one, is updated in the columns given that
 * differ; otherwise a new enterprise is created. Near names are reported as warnings.
 */
export async function planEnterpriseRow(
  db: Tx,
  ctx: EnterpriseImportContext,
  rowNumber: number,
  cells: Partial<Record<EnterpriseColumnKey, string>>,
): Promise<{ outcome: RowOutcome; plan: EnterprisePlan }> {
  const key = (cells.creditCode || cells.name || "").trim();
  const fail = (errors: Errors) => ({
    outcome: { row: rowNumber, key, action: "error" as const, errors },
    plan: { action: "error" as const },
  });
  const parsed = enterpriseRowSchema.safeParse(withoutInvisible(cells), { error: issueKey });
  if (!parsed.success) return fail(errorsByColumn<EnterpriseColumnKey>(parsed.error.issues));
  const { links: linkNames, ...fields } = parsed.data;
  let linkIds: string[] | undefined;
  if (linkNames) {
    const ids = linkNames.map((n) => ctx.links.get(n.replace(/\s*[/／]\s*/, "/")));
    if (ids.some((id) => !id)) return fail({ links: "validation.importLinks" });
    linkIds = [...new Set(ids as string[])].sort();
  }
  const row: EnterpriseRow = { ...fields, linkIds };
  const identity = row.creditCode ?? `name:${row.name}`;
  if (ctx.seen.has(identity))
    return fail({ [row.creditCode ? "creditCode" : "name"]: "validation.importDuplicateRow" });
  ctx.seen.add(identity);

  const warnings: RowWarning[] = [];
  const matches = await findSimilarEnterprises(db, { name: row.name, creditCode: row.creditCode }, 3);
  let target =
    matches.find((m) => m.reason === "CREDIT_CODE") ??
    matches.find((m) => m.reason === "SAME_NAME" && (!row.creditCode || !m.creditCode));
  if (!target && matches.some((m) => m.reason === "SAME_NAME"))
    return fail({ creditCode: "validation.creditCodeMismatch" });
  if (!target && matches.length) {
    if (ctx.linkSimilar) {
      target = matches[0];
      warnings.push({ key: "imports.warn.linkedSimilar", params: { name: target.name } });
    } else
      warnings.push({
        key: "imports.warn.similarEnterprise",
        params: { name: matches[0].name, score: Math.round(matches[0].score * 100) },
      });
  }
  if (!target) return { outcome: { row: rowNumber, key, action: "create", warnings }, plan: { action: "create", row } };

  const current = await db.enterprise.findUniqueOrThrow({
    where: { id: target.id },
    include: { links: { select: { linkId: true } } },
  });
  const data: Partial<EnterpriseRow> = {};
  // A row linked to a similar enterprise keeps that enterprise's name.
  if (target.reason !== "SIMILAR_NAME" && row.name !== current.name) data.name = row.name;
  if (row.creditCode && row.creditCode !== current.creditCode) data.creditCode = row.creditCode;
  if (row.region !== undefined && row.region !== current.region) data.region = row.region;
  if (row.isLocal !== undefined && row.isLocal !== current.isLocal) data.isLocal = row.isLocal;
  if (row.contact !== undefined && row.contact !== current.contact) data.contact = row.contact;
  if (row.scale !== undefined && row.scale !== current.scale) data.scale = row.scale;
  if (row.isChainLeader !== undefined && row.isChainLeader !== current.isChainLeader)
    data.isChainLeader = row.isChainLeader;
  if (
    row.linkIds &&
    row.linkIds.join() !==
      current.links
        .map((l) => l.linkId)
        .sort()
        .join()
  )
    data.linkIds = row.linkIds;
  // Changes are named by their column (linkIds is the links column).
  const changes = Object.keys(data).map((k) => (k === "linkIds" ? "links" : k));
  if (!changes.length)
    return { outcome: { row: rowNumber, key, action: "unchanged", warnings }, plan: { action: "unchanged" } };
  // The same rule as every other enterprise change: not one that other people's projects rely on.
  if (!(await enterpriseEditable(db, ctx.actor, current.id))) return fail(notYours(current.name));
  return {
    outcome: { row: rowNumber, key, action: "update", changes, warnings },
    plan: { action: "update", id: current.id, version: current.version, data },
  };
}

const notYours = (name: string): Errors => ({ _: { key: "imports.enterpriseNotYours", params: { name } } });

/**
 * Carries out one planned row, with the audit log, inside the caller's transaction (a chunk
 * of rows in one, each under its own savepoint: the caller rolls a refused row back).
 */
export async function applyEnterprisePlan(
  tx: Tx,
  ctx: EnterpriseImportContext,
  plan: EnterprisePlan,
): Promise<Errors | null> {
  try {
    if (plan.action === "create") {
      const { row } = plan;
      const created = await tx.enterprise.create({
        data: {
          ...nameColumns(row.name),
          creditCode: row.creditCode ?? null,
          region: row.region ?? null,
          isLocal: row.isLocal ?? false,
          contact: row.contact ?? null,
          scale: row.scale ?? null,
          isChainLeader: row.isChainLeader ?? false,
          links: { create: (row.linkIds ?? []).map((linkId) => ({ linkId })) },
        },
      });
      await writeAudit(tx, {
        actorId: ctx.actor.id,
        entityType: "Enterprise",
        entityId: created.id,
        action: "import:create",
        after: created,
      });
    }
    if (plan.action === "update") {
      // Locked, so that the enterprise and its projects are the ones the rule is checked on.
      await lockRow(tx, "enterprises", plan.id);
      const before = await tx.enterprise.findUnique({ where: { id: plan.id } });
      if (!before || before.version !== plan.version) throw new AppError("CONFLICT");
      if (!(await enterpriseEditable(tx, ctx.actor, plan.id)))
        throw new AppError("FORBIDDEN", { fields: notYours(before.name) });
      const { linkIds, ...columns } = plan.data;
      if (linkIds) {
        await tx.enterpriseLink.deleteMany({ where: { enterpriseId: plan.id } });
        await tx.enterpriseLink.createMany({ data: linkIds.map((linkId) => ({ enterpriseId: plan.id, linkId })) });
      }
      const after = await tx.enterprise.update({
        where: { id: plan.id },
        data: { ...columns, ...(columns.name ? nameColumns(columns.name) : {}), version: { increment: 1 } },
      });
      // Projects keep their copy of the enterprise's name in step.
      if (plan.data.name)
        await tx.project.updateMany({ where: { enterpriseId: plan.id }, data: { enterpriseName: plan.data.name } });
      await writeAudit(tx, {
        actorId: ctx.actor.id,
        entityType: "Enterprise",
        entityId: plan.id,
        action: "import:update",
        before,
        after,
      });
    }
    return null;
  } catch (err) {
    if (isAppError(err)) return err.fields ?? { _: `errors.${err.code}` };
    if ((err as { code?: string }).code === "P2002") return { creditCode: "validation.creditCodeTaken" };
    throw err;
  }
}
