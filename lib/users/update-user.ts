import "server-only";
import { getDb, type Tx } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { hashPassword } from "../auth/password";
import { endUserAccess } from "../auth/sessions";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { needsDepartment, resetPasswordSchema, updateUserSchema } from "./schemas";
import { toUserView, userSelect } from "./user-view";

async function loadForUpdate(tx: Tx, id: string) {
  const user = await tx.user.findUnique({ where: { id }, select: userSelect });
  if (!user) throw new AppError("NOT_FOUND");
  return user;
}

/**
 * Edits a user with optimistic locking. Deactivating or changing the role ends the
 * user's sessions and revokes their API tokens. An admin cannot deactivate or
 * demote their own account, so the system always keeps a way in.
 */
export async function updateUser({ actor, id, input }: { actor: Actor; id: string; input: unknown }) {
  assertCan(actor, "user.manage");
  const data = parseInput(updateUserSchema, input);
  if (id === actor.id && (data.active === false || (data.role && data.role !== actor.role))) {
    throw new AppError("RULE_SELF_LOCKOUT");
  }
  return getDb().$transaction(async (tx) => {
    const before = await loadForUpdate(tx, id);
    if (
      data.departmentId &&
      !(await tx.department.findUnique({ where: { id: data.departmentId }, select: { id: true } }))
    ) {
      throw new AppError("VALIDATION", { fields: { departmentId: "validation.departmentMissing" } });
    }
    // The user as they will be: an approver keeps a department.
    const role = data.role ?? before.role;
    const departmentId = data.departmentId !== undefined ? data.departmentId : before.departmentId;
    if (needsDepartment(role) && !departmentId)
      throw new AppError("VALIDATION", { fields: { departmentId: "validation.departmentRequired" }, labels: "user" });
    const endsSessions =
      (data.role !== undefined && data.role !== before.role) || (data.active === false && before.active);
    const changed = await tx.user.updateMany({
      where: { id, version: data.version },
      data: {
        ...(data.displayName !== undefined ? { displayName: data.displayName } : {}),
        ...(data.role !== undefined ? { role: data.role } : {}),
        ...(data.departmentId !== undefined ? { departmentId: data.departmentId } : {}),
        ...(data.active !== undefined ? { active: data.active } : {}),
        version: { increment: 1 },
      },
    });
    if (changed.count === 0) throw new AppError("CONFLICT");
    // Nothing signed in or issued under the old role or while active keeps working.
    if (endsSessions)
      await endUserAccess(tx, id, data.active === false ? "DEACTIVATED" : "ROLE_CHANGE", { tokens: true });
    const after = toUserView(await loadForUpdate(tx, id));
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "User",
      entityId: id,
      action: "update",
      before: toUserView(before),
      after,
    });
    return after;
  });
}

/** Sets a new password, ends every session of that user and revokes their API tokens. */
export async function resetPassword({ actor, id, input }: { actor: Actor; id: string; input: unknown }) {
  assertCan(actor, "user.manage");
  const { password } = parseInput(resetPasswordSchema, input);
  const passwordHash = await hashPassword(password);
  return getDb().$transaction(async (tx) => {
    const before = await loadForUpdate(tx, id);
    const user = await tx.user.update({
      where: { id },
      data: { passwordHash, version: { increment: 1 } },
      select: userSelect,
    });
    await endUserAccess(tx, id, "PASSWORD_RESET", { tokens: true });
    const after = toUserView(user);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "User",
      entityId: id,
      action: "resetPassword",
      before: toUserView(before),
      after,
    });
    return after;
  });
}
