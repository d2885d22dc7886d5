import "server-only";
import { Decimal, getDb, type Prisma } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, assertCanOnProject, type Actor } from "../auth/permissions";
import { isoDate } from "../dates";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { assertVersion } from "../locks";
import { lockProject } from "./load";
import { projectDetailSelect, toProjectDetail } from "./project-view";
import { capitalIncreaseSchema } from "./schemas";
import { assertProjectVisible } from "./visibility";

/** Stages in which the investor is committed, so new capital is an increase (增资扩产) and not a new project. */
const increaseStages = new Set(["SIGNED", "REGISTERED", "APPROVING", "CONSTRUCTION", "COMPLETED", "PRODUCTION"]);

/** A decimal column plus an amount, done by PostgreSQL (exact numeric); a NULL column becomes the amount. */
const plus = (current: unknown, amount: string | undefined) =>
  amount === undefined ? undefined : current === null ? amount : { increment: amount };

/**
 * Records a capital increase on a signed (or later) project: one row with date, amounts
 * and note, and the amounts added to the project's investment figures, in one
 * transaction with optimistic locking and the audit log. A project counts once in the
 * statistics; the increase counts as investment on its own date.
 */
export async function addCapitalIncrease({
  actor,
  projectId,
  input,
}: {
  actor: Actor;
  projectId: string;
  input: unknown;
}) {
  const data = parseInput(capitalIncreaseSchema, input);
  return getDb().$transaction(async (tx) => {
    const { row: p, before } = await lockProject(tx, { actor, id: projectId });
    assertCanOnProject(actor, p, "update");
    assertVersion(p.version, data.version);
    if (!increaseStages.has(p.stage)) throw new AppError("RULE_CAPITAL_INCREASE_STAGE");
    // Decimal(14, 2) holds under 10^12 万元: each sum must still fit its column (the sums
    // themselves are done by PostgreSQL; this is the bound check, in exact decimals).
    const fields: Record<string, string> = {};
    const overflows = (column: unknown, amount: string | undefined) =>
      amount !== undefined && new Decimal(String(column ?? 0)).plus(amount).gte("1e12");
    if (overflows(p.totalInvestment, data.amount)) fields.amount = "validation.tooLarge";
    if (overflows(p.fixedAssetInvestment, data.fixedAssetAmount)) fields.fixedAssetAmount = "validation.tooLarge";
    if (overflows(p.foreignCapital, data.foreignCapital)) fields.foreignCapital = "validation.tooLarge";
    if (Object.keys(fields).length) throw new AppError("VALIDATION", { fields, labels: "capital" });
    const row = await tx.capitalIncrease.create({
      data: {
        projectId,
        date: data.date,
        amount: data.amount,
        fixedAssetAmount: data.fixedAssetAmount ?? null,
        foreignCapital: data.foreignCapital ?? null,
        note: data.note,
        createdById: actor.id,
      },
      select: capitalIncreaseSelect,
    });
    const after = toProjectDetail(
      await tx.project.update({
        where: { id: projectId },
        data: {
          totalInvestment: { increment: data.amount },
          fixedAssetInvestment: plus(p.fixedAssetInvestment, data.fixedAssetAmount),
          foreignCapital: plus(p.foreignCapital, data.foreignCapital),
          version: { increment: 1 },
        },
        select: projectDetailSelect,
      }),
    );
    const increase = toCapitalIncrease(row);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Project",
      entityId: projectId,
      action: "capital-increase:add",
      before,
      after: { ...after, capitalIncrease: increase },
    });
    return { increase, project: after };
  });
}

const capitalIncreaseSelect = {
  id: true,
  date: true,
  amount: true,
  fixedAssetAmount: true,
  foreignCapital: true,
  note: true,
  createdAt: true,
  createdBy: { select: { displayName: true } },
} as const satisfies Prisma.CapitalIncreaseSelect;

type Row = Prisma.CapitalIncreaseGetPayload<{ select: typeof capitalIncreaseSelect }>;

function toCapitalIncrease(r: Row) {
  return {
    id: r.id,
    date: isoDate(r.date)!,
    amount: r.amount.toFixed(2),
    fixedAssetAmount: r.fixedAssetAmount?.toFixed(2) ?? null,
    foreignCapital: r.foreignCapital?.toFixed(2) ?? null,
    note: r.note,
    createdBy: r.createdBy.displayName,
    createdAt: r.createdAt.toISOString(),
  };
}
export type CapitalIncreaseView = ReturnType<typeof toCapitalIncrease>;

/** The project's capital increases: 404 unless the actor may read the bureau's work on it. */
export async function listCapitalIncreases({ actor, projectId }: { actor: Actor; projectId: string }) {
  assertCan(actor, "project.read");
  await assertProjectVisible(getDb(), { actor, projectId, part: "work" });
  const rows = await getDb().capitalIncrease.findMany({
    where: { projectId },
    orderBy: [{ date: "desc" }, { createdAt: "desc" }],
    select: capitalIncreaseSelect,
  });
  return rows.map(toCapitalIncrease);
}
