import "server-only";
import type { Prisma } from "../db";
import { isoDate } from "../dates";

export const progressSelect = {
  id: true,
  date: true,
  investmentCompleted: true,
  percent: true,
  note: true,
  problems: true,
  createdAt: true,
  createdById: true,
  projectId: true,
  attachments: {
    orderBy: { createdAt: "asc" },
    select: { id: true, fileName: true, mimeType: true, size: true },
  },
} as const satisfies Prisma.ProgressEntrySelect;

type Row = Prisma.ProgressEntryGetPayload<{ select: typeof progressSelect }>;

/** A progress entry as the API and the 督办 tab give it (money and percent as decimal strings). */
export function toProgressView(r: Row, names?: ReadonlyMap<string, string>) {
  return {
    id: r.id,
    projectId: r.projectId,
    date: isoDate(r.date)!,
    investmentCompleted: r.investmentCompleted.toFixed(2),
    percent: r.percent.toFixed(2),
    note: r.note,
    problems: r.problems,
    createdById: r.createdById,
    createdByName: names?.get(r.createdById) ?? null,
    createdAt: r.createdAt.toISOString(),
    attachments: r.attachments,
  };
}
export type ProgressView = ReturnType<typeof toProgressView>;
