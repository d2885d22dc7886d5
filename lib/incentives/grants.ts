import "server-only";
import Decimal from "decimal.js";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import type { Locale } from "../i18n/config";
import { isoDate } from "../dates";
import { lockRow } from "../locks";
import { assertProjectVisible } from "../projects/visibility";
import { parseInput } from "../validation";
import { computeProjectIncentives } from "./project-incentives";
import { grantSchema } from "./schemas";

/** GET /api/v1/projects/{id}/incentives: every active measure for the project (404 for a project one may not see). */
export async function getProjectIncentives({
  actor,
  projectId,
  locale,
}: {
  actor: Actor;
  projectId: string;
  locale: Locale;
}) {
  assertCan(actor, "incentive.read");
  const db = getDb();
  await assertProjectVisible(db, { actor, projectId, part: "work" });
  const result = await computeProjectIncentives(db, projectId, locale);
  if (!result) throw new AppError("NOT_FOUND");
  return result;
}

/** The grants recorded on a project, newest first. */
export async function listProjectGrants({ actor, projectId }: { actor: Actor; projectId: string }) {
  assertCan(actor, "incentive.read");
  const db = getDb();
  await assertProjectVisible(db, { actor, projectId, part: "work" });
  const rows = await db.incentiveGrant.findMany({
    where: { projectId },
    orderBy: [{ grantedOn: "desc" }, { createdAt: "desc" }],
    select: {
      id: true,
      measureId: true,
      measure: { select: { name: true } },
      year: true,
      amount: true,
      grantedOn: true,
      note: true,
    },
  });
  return rows.map((g) => ({
    id: g.id,
    measureId: g.measureId,
    measureName: g.measure.name,
    year: g.year,
    amount: g.amount.toFixed(2),
    grantedOn: isoDate(g.grantedOn)!,
    note: g.note,
  }));
}

/**
 * 兑现: a manager records an amount of a measure granted to a project for one payment year
 * of its schedule, on a date. Refused (422) when the project does not qualify for the measure
 * (RULE_INCENTIVE_NOT_QUALIFIED), when the year is not one of the schedule's
 * (RULE_INCENTIVE_YEAR_NOT_SCHEDULED), or when the year's grants would exceed its scheduled
 * amount (RULE_INCENTIVE_OVER_SCHEDULE). The project row is locked, so that two grants at
 * once cannot both pass the check. Audited on the project (its history reads it).
 */
export async function recordGrant({
  actor,
  projectId,
  input,
  locale,
}: {
  actor: Actor;
  projectId: string;
  input: unknown;
  locale: Locale;
}) {
  // A project one may not see does not exist (404) before one's role is refused (403).
  await assertProjectVisible(getDb(), { actor, projectId });
  assertCan(actor, "incentive.grant");
  const data = parseInput(grantSchema, input);
  return getDb().$transaction(async (tx) => {
    await assertProjectVisible(tx, { actor, projectId, part: "work" });
    await lockRow(tx, "projects", projectId);
    const measure = await tx.incentiveMeasure.findUnique({
      where: { id: data.measureId },
      select: { id: true, name: true, active: true },
    });
    if (!measure || !measure.active)
      throw new AppError("VALIDATION", {
        fields: { measureId: "validation.incentiveMeasureMissing" },
        labels: "incentiveGrant",
      });
    const incentives = await computeProjectIncentives(tx, projectId, locale);
    const item = incentives?.items.find((i) => i.measureId === measure.id);
    if (!item || !item.qualifies)
      throw new AppError("RULE_INCENTIVE_NOT_QUALIFIED", { params: { reason: item?.reason.message ?? "" } });
    const year = item.byYear.find((y) => y.year === data.year);
    if (!year || new Decimal(year.amount).isZero())
      throw new AppError("RULE_INCENTIVE_YEAR_NOT_SCHEDULED", {
        fields: { year: "validation.incentiveYear" },
        labels: "incentiveGrant",
      });
    const left = new Decimal(year.amount).minus(year.granted);
    if (new Decimal(data.amount).gt(left))
      throw new AppError("RULE_INCENTIVE_OVER_SCHEDULE", { params: { left: left.toFixed(2), scheduled: year.amount } });
    const grant = await tx.incentiveGrant.create({
      data: {
        projectId,
        measureId: measure.id,
        year: data.year,
        amount: data.amount,
        grantedOn: data.grantedOn,
        note: data.note,
        createdById: actor.id,
      },
      select: { id: true },
    });
    const view = {
      id: grant.id,
      measureId: measure.id,
      measureName: measure.name,
      year: data.year,
      amount: new Decimal(data.amount).toFixed(2),
      grantedOn: isoDate(data.grantedOn)!,
      note: data.note,
    };
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "Project",
      entityId: projectId,
      action: "incentive:grant",
      after: view,
    });
    return view;
  });
}
