import "server-only";
import { getDb, type Prisma } from "../db";
import type { Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { mayReadMeetings, meetingView, visibleMeetings } from "./meeting-load";
import { listMeetingsSchema } from "./schemas";

const dayMs = 86_400_000;
/** The start of a Shanghai day as an instant ("2026-12-01" → 2026-11-30T16:00Z). */
const shanghaiStart = (d: Date) => new Date(d.getTime() - 8 * 3_600_000);

/**
 * The meetings the actor may read (GET /api/v1/meetings?kind=&from=&to=&page=): planned ones
 * first, soonest first, then the held ones, latest first; `from`/`to` are days (Asia/Shanghai),
 * both included. Server-side paging.
 */
export async function listMeetings({ actor, query }: { actor: Actor; query: unknown }) {
  if (!mayReadMeetings(actor)) throw new AppError("FORBIDDEN", { params: { action: "meeting.read" } });
  const q = parseInput(listMeetingsSchema, query);
  const and: Prisma.MeetingWhereInput[] = [visibleMeetings(actor)];
  if (q.kind) and.push({ kind: q.kind });
  if (q.from) and.push({ startsAt: { gte: shanghaiStart(q.from) } });
  if (q.to) and.push({ startsAt: { lt: new Date(shanghaiStart(q.to).getTime() + dayMs) } });
  const where = { AND: and };
  const db = getDb();
  const skip = (q.page - 1) * q.pageSize;
  const select = {
    id: true,
    kind: true,
    title: true,
    startsAt: true,
    place: true,
    state: true,
    chairId: true,
    chair: { select: { displayName: true } },
    signedOffAt: true,
    version: true,
    _count: { select: { items: true } },
  } as const;
  const [planned, total] = await Promise.all([
    db.meeting.count({ where: { AND: [...and, { state: "PLANNED" }] } }),
    db.meeting.count({ where }),
  ]);
  // Two ordered runs joined at the page's edge: PLANNED (soonest first), then CLOSED (latest first).
  const plannedRows =
    skip < planned
      ? await db.meeting.findMany({
          where: { AND: [...and, { state: "PLANNED" }] },
          select,
          orderBy: [{ startsAt: "asc" }, { id: "asc" }],
          skip,
          take: q.pageSize,
        })
      : [];
  const closedRows =
    plannedRows.length < q.pageSize
      ? await db.meeting.findMany({
          where: { AND: [...and, { state: "CLOSED" }] },
          select,
          orderBy: [{ startsAt: "desc" }, { id: "asc" }],
          skip: Math.max(0, skip - planned),
          take: q.pageSize - plannedRows.length,
        })
      : [];
  return {
    items: [...plannedRows, ...closedRows].map((m) => ({
      id: m.id,
      kind: m.kind,
      title: m.title,
      startsAt: m.startsAt.toISOString(),
      place: m.place,
      state: m.state,
      chair: { id: m.chairId, name: m.chair.displayName },
      signedOffAt: m.signedOffAt?.toISOString() ?? null,
      itemCount: m._count.items,
      version: m.version,
    })),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** One meeting with its agenda, minutes and decisions (404 when the actor may not read it). */
export async function getMeeting({ actor, id }: { actor: Actor; id: string }) {
  if (!mayReadMeetings(actor)) throw new AppError("FORBIDDEN", { params: { action: "meeting.read" } });
  const db = getDb();
  const found = await db.meeting.findFirst({ where: { AND: [{ id }, visibleMeetings(actor)] }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND");
  return meetingView(db, found.id);
}
