import "server-only";
import crypto from "node:crypto";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { actorSelect, assertCan, can, toActor, type Actor } from "./permissions";
import { createTokenSchema } from "./schemas";

// Personal API tokens (SPEC §9): shown once, stored as SHA-256, revocable, acting with
// the owner's current role (a deactivated owner's tokens stop working with them).
const PREFIX = "zs_";

const hash = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

export async function createApiToken({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "apiToken.own");
  // A token is made by a person signed in, never by another token (a leaked token cannot
  // give itself a successor).
  if (actor.via?.kind === "token") throw new AppError("FORBIDDEN", { params: { action: "apiToken.createWithToken" } });
  const data = parseInput(createTokenSchema, input);
  const secret = PREFIX + crypto.randomBytes(32).toString("base64url");
  return getDb().$transaction(async (tx) => {
    const row = await tx.apiToken.create({
      data: {
        userId: actor.id,
        name: data.name,
        tokenHash: hash(secret),
        prefix: secret.slice(0, PREFIX.length + 6),
        expiresAt: new Date(Date.now() + data.expiresInDays * 86_400_000),
      },
    });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "ApiToken",
      entityId: row.id,
      action: "create",
      after: { name: row.name, prefix: row.prefix },
    });
    return {
      id: row.id,
      name: row.name,
      prefix: row.prefix,
      expiresAt: row.expiresAt!.toISOString(),
      token: secret,
    };
  });
}

export async function listApiTokens({ actor }: { actor: Actor }) {
  assertCan(actor, "apiToken.own");
  const rows = await getDb().apiToken.findMany({ where: { userId: actor.id }, orderBy: { createdAt: "desc" } });
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.createdAt.toISOString(),
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    expiresAt: r.expiresAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}

/** The owner revokes their token; an admin may revoke anyone's. */
export async function revokeApiToken({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "apiToken.own");
  return getDb().$transaction(async (tx) => {
    const row = await tx.apiToken.findUnique({ where: { id } });
    if (!row || (row.userId !== actor.id && !can(actor.role, "apiToken.revokeAny"))) throw new AppError("NOT_FOUND");
    if (row.revokedAt) return { id, revokedAt: row.revokedAt.toISOString() };
    const updated = await tx.apiToken.update({ where: { id }, data: { revokedAt: new Date() } });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "ApiToken",
      entityId: id,
      action: "revoke",
      before: { revokedAt: null },
      after: { revokedAt: updated.revokedAt },
    });
    return { id, revokedAt: updated.revokedAt!.toISOString() };
  });
}

/** The user behind `Authorization: Bearer <token>`, or null. */
export async function actorFromBearer(token: string): Promise<Actor | null> {
  if (!token.startsWith(PREFIX) || token.length > 200) return null;
  const db = getDb();
  const row = await db.apiToken.findUnique({
    where: { tokenHash: hash(token) },
    select: {
      id: true,
      revokedAt: true,
      expiresAt: true,
      lastUsedAt: true,
      user: { select: { ...actorSelect, active: true } },
    },
  });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt < new Date()) || !row.user.active) return null;
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } });
  }
  return { ...toActor(row.user), via: { kind: "token", id: row.id } };
}
