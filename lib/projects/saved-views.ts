import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { saveViewSchema } from "./schemas";

export async function listSavedViews({ actor }: { actor: Actor }) {
  assertCan(actor, "project.read");
  return getDb().savedView.findMany({
    where: { userId: actor.id, scope: "projects" },
    orderBy: { name: "asc" },
    select: { id: true, name: true, query: true },
  });
}

/** Saves (or overwrites, by name) one of the user's own views. */
export async function saveView({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "project.read");
  const data = parseInput(saveViewSchema, input);
  return getDb().savedView.upsert({
    where: { userId_scope_name: { userId: actor.id, scope: "projects", name: data.name } },
    update: { query: data.query },
    create: { userId: actor.id, scope: "projects", name: data.name, query: data.query },
    select: { id: true, name: true, query: true },
  });
}

export async function deleteView({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "project.read");
  const deleted = await getDb().savedView.deleteMany({ where: { id, userId: actor.id } });
  if (deleted.count === 0) throw new AppError("NOT_FOUND");
  return { id };
}
