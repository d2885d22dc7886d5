import "server-only";
import { assertCan, type Actor } from "../auth/permissions";
import { getDb } from "../db";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import type { BulletinSections } from "./compute-bulletin";
import { generateBulletin as generate, previewBulletin as preview, toBulletinHead } from "./generate-bulletin";
import { listBulletinsSchema } from "./schemas";

const head = {
  id: true,
  weekStart: true,
  weekEnd: true,
  revision: true,
  generatedAt: true,
  generatedById: true,
} as const;

async function userNames(ids: (string | null)[]) {
  const wanted = [...new Set(ids.filter((x): x is string => !!x))];
  if (!wanted.length) return new Map<string, string>();
  const rows = await getDb().user.findMany({ where: { id: { in: wanted } }, select: { id: true, displayName: true } });
  return new Map(rows.map((u) => [u.id, u.displayName]));
}

/** The stored bulletins, newest week first (and its latest revision first). */
export async function listBulletins({ actor, query }: { actor: Actor; query: unknown }) {
  assertCan(actor, "bulletin.read");
  const q = parseInput(listBulletinsSchema, query);
  const db = getDb();
  const [rows, total] = await Promise.all([
    db.bulletin.findMany({
      select: head,
      orderBy: [{ weekStart: "desc" }, { revision: "desc" }],
      skip: (q.page - 1) * q.pageSize,
      take: q.pageSize,
    }),
    db.bulletin.count(),
  ]);
  const names = await userNames(rows.map((r) => r.generatedById));
  return { items: rows.map((r) => toBulletinHead(r, names)), total, page: q.page, pageSize: q.pageSize };
}

/** One stored bulletin: the frozen JSON as generated, nothing recomputed. */
export async function getBulletin({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "bulletin.read");
  const row = await getDb().bulletin.findUnique({ where: { id }, select: { ...head, sections: true } });
  if (!row) throw new AppError("NOT_FOUND");
  const names = await userNames([row.generatedById]);
  return { ...toBulletinHead(row, names), sections: row.sections as unknown as BulletinSections };
}

export const generateBulletin = ({ actor, input }: { actor: Actor; input: unknown }) =>
  generate(getDb(), { actor, input });

export const previewBulletin = ({ actor, input }: { actor: Actor; input: unknown }) =>
  preview(getDb(), { actor, input });
