// The demo's 签约周 (SPEC §7): "2026年秋季重点项目签约周", 21–25 September 2026, finished. Its
// confirmed candidates are the projects with source channel 签约周 signed within its dates (the
// demo year's projects, when their seed made them); two NEGOTIATING projects (the first two by
// code) are proposed but not confirmed. Idempotent: the event (by name) is made once, and only
// candidates not there yet are added, so a later run picks up projects signed since.
import type { PrismaClient } from "../generated/prisma/client";
import { writeAudit } from "../lib/audit/log";
import { storedDate } from "../lib/dates";

export const SEEDED_SIGNING_WEEK = { name: "2026年秋季重点项目签约周", startDate: "2026-09-21", endDate: "2026-09-25" };

export async function seedSigningWeek(db: PrismaClient) {
  const manager = await db.user.findUnique({ where: { username: "manager" }, select: { id: true } });
  if (!manager) return;
  const start = storedDate(SEEDED_SIGNING_WEEK.startDate);
  const end = storedDate(SEEDED_SIGNING_WEEK.endDate);
  await db.$transaction(async (tx) => {
    let event = await tx.signingWeek.findUnique({ where: { name: SEEDED_SIGNING_WEEK.name }, select: { id: true } });
    if (!event) {
      event = await tx.signingWeek.create({
        data: {
          name: SEEDED_SIGNING_WEEK.name,
          startDate: start,
          endDate: end,
          note: "区委区政府主办，集中签约一批先进制造业和现代服务业重点项目。",
          createdById: manager.id,
        },
        select: { id: true },
      });
      await writeAudit(tx, {
        actorId: manager.id,
        entityType: "SigningWeek",
        entityId: event.id,
        action: "create",
        after: { ...SEEDED_SIGNING_WEEK, note: null },
      });
    }
    const existing = new Set(
      (await tx.signingWeekCandidate.findMany({ where: { signingWeekId: event.id }, select: { projectId: true } })).map(
        (c) => c.projectId,
      ),
    );
    const signed = await tx.project.findMany({
      where: { sourceChannel: "SIGNING_WEEK", signingDate: { gte: start, lte: end } },
      select: { id: true },
      orderBy: { code: "asc" },
    });
    const negotiating = existing.size
      ? []
      : await tx.project.findMany({
          where: { stage: "NEGOTIATING" },
          select: { id: true },
          orderBy: { code: "asc" },
          take: 2,
        });
    const rows = [
      ...signed.map((p) => ({ projectId: p.id, confirmed: true })),
      ...negotiating.map((p) => ({ projectId: p.id, confirmed: false })),
    ].filter((r) => !existing.has(r.projectId));
    if (!rows.length) return;
    await tx.signingWeekCandidate.createMany({
      data: rows.map((r) => ({
        signingWeekId: event.id,
        projectId: r.projectId,
        manual: false,
        confirmed: r.confirmed,
        addedById: manager.id,
      })),
      skipDuplicates: true,
    });
  });
}
