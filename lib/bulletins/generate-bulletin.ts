// No "server-only" marker: the demo seed (a plain Node script) generates bulletins through it.
//
// 周通报: a frozen snapshot of a week (SPEC §5). Each generation stores a new revision
// (1, 2, … per week); a stored bulletin is never rewritten, so later data changes do not
// alter it. Revisions of one week are numbered under a transaction-scoped advisory lock on
// the week (the unique (weekStart, revision) key backs it up).
import { rolesWith, assertCan, type Actor } from "../auth/permissions";
import { getSupervisionSettings } from "../supervision/settings";
import type { PrismaClient, Prisma } from "../../generated/prisma/client";
import { writeAudit } from "../audit/log";
import { isoDate, shanghaiToday, storedDate } from "../dates";
import { AppError } from "../errors";
import { notifyMany } from "../notifications/notify";
import { parseInput } from "../validation";
import { computeBulletin, type BulletinSections } from "./compute-bulletin";
import { generateBulletinSchema, previewBulletinSchema } from "./schemas";
import { previousWeek, weekEnded, weekOf, weekStarting, type Week } from "./week";

export type BulletinView = {
  id: string;
  weekStart: string;
  weekEnd: string;
  revision: number;
  generatedAt: string;
  generatedBy: { id: string; name: string } | null;
  sections: BulletinSections;
};

type Row = {
  id: string;
  weekStart: Date;
  weekEnd: Date;
  revision: number;
  generatedAt: Date;
  generatedById: string | null;
};

export function toBulletinHead(b: Row, names: ReadonlyMap<string, string>) {
  return {
    id: b.id,
    weekStart: isoDate(b.weekStart)!,
    weekEnd: isoDate(b.weekEnd)!,
    revision: b.revision,
    generatedAt: b.generatedAt.toISOString(),
    generatedBy: b.generatedById ? { id: b.generatedById, name: names.get(b.generatedById) ?? "" } : null,
  };
}

/** "2026-11-16至2026-11-22": how the week is named in messages and file names. */
export const weekLabel = (w: Week) => `${w.weekStart}至${w.weekEnd}`;

/**
 * Generates and stores the bulletin of the week starting `weekStart` (a Monday, 400
 * otherwise) as of now: a MANAGER on demand, or the Monday job (`actor` null). A week not
 * yet ended (today in Shanghai on or before its Sunday) is refused (422). With `ifMissing`
 * (the job, the seed) nothing is written when the week has a bulletin already: null.
 */
export async function generateBulletin(
  db: PrismaClient,
  {
    actor,
    input,
    today = shanghaiToday(),
    ifMissing = false,
  }: { actor: Actor | null; input: unknown; today?: string; ifMissing?: boolean },
): Promise<BulletinView | null> {
  if (actor) assertCan(actor, "bulletin.generate");
  const { weekStart } = parseInput(generateBulletinSchema, input);
  const week = weekStarting(weekStart);
  if (!weekEnded(week, today))
    throw new AppError("RULE_BULLETIN_WEEK_NOT_ENDED", { params: { weekEnd: week.weekEnd } });
  const start = storedDate(week.weekStart);
  if (ifMissing && (await db.bulletin.count({ where: { weekStart: start } }))) return null;
  const settings = await getSupervisionSettings(db);
  const sections = await computeBulletin(db, { week, today, settings });
  const saved = await db.$transaction(async (tx) => {
    await tx.$executeRawUnsafe(`select pg_advisory_xact_lock(hashtext($1))`, `bulletin:${week.weekStart}`);
    const last = await tx.bulletin.aggregate({ where: { weekStart: start }, _max: { revision: true } });
    if (ifMissing && last._max.revision) return null;
    const revision = (last._max.revision ?? 0) + 1;
    const row = await tx.bulletin.create({
      data: {
        weekStart: start,
        weekEnd: storedDate(week.weekEnd),
        revision,
        sections: sections as unknown as Prisma.InputJsonValue,
        generatedById: actor?.id ?? null,
      },
    });
    await writeAudit(tx, {
      actorId: actor?.id ?? null,
      entityType: "Bulletin",
      entityId: row.id,
      action: "generate",
      after: { weekStart: week.weekStart, weekEnd: week.weekEnd, revision },
    });
    const readers = await tx.user.findMany({
      where: { active: true, role: { in: rolesWith("bulletin.notified") } },
      select: { id: true },
    });
    await notifyMany(tx, [
      {
        userIds: readers.map((u) => u.id).filter((id) => id !== actor?.id),
        kind: "bulletinGenerated",
        params: { week: weekLabel(week), revision },
        href: `/supervision/bulletins/${row.id}`,
        entity: { type: "Bulletin", id: row.id },
        dedupeKey: `bulletin:${row.id}`,
      },
    ]);
    return row;
  });
  if (!saved) return null;
  const names = new Map(actor ? [[actor.id, actor.displayName]] : []);
  return { ...toBulletinHead(saved, names), sections };
}

/** The current week (or the Monday given) as it stands now, not stored: a draft for managers. */
export async function previewBulletin(
  db: PrismaClient,
  { actor, input, today = shanghaiToday() }: { actor: Actor; input: unknown; today?: string },
) {
  assertCan(actor, "bulletin.generate");
  const q = parseInput(previewBulletinSchema, input);
  const week = q.weekStart ? weekStarting(q.weekStart) : weekOf(today);
  const settings = await getSupervisionSettings(db);
  return {
    draft: true as const,
    weekStart: week.weekStart,
    weekEnd: week.weekEnd,
    sections: await computeBulletin(db, { week, today, settings }),
  };
}

/**
 * The Monday job (bulletins.weekly, 08:00 Asia/Shanghai): last week's bulletin, when that
 * week has none yet (a rerun, or a manager's earlier generation, leaves it as it is).
 */
export async function generateLastWeekBulletin(db: PrismaClient, { today = shanghaiToday() }: { today?: string } = {}) {
  const week = previousWeek(today);
  const made = await generateBulletin(db, {
    actor: null,
    input: { weekStart: week.weekStart },
    today,
    ifMissing: true,
  });
  return { weekStart: week.weekStart, generated: made ? { id: made.id, revision: made.revision } : null };
}
