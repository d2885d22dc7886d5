import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { hashPassword } from "../auth/password";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { createUserSchema } from "./schemas";
import { toUserView, userSelect } from "./user-view";

export async function createUser({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "user.manage");
  const data = parseInput(createUserSchema, input);
  const passwordHash = await hashPassword(data.password);
  return getDb().$transaction(async (tx) => {
    if (await tx.user.findUnique({ where: { username: data.username }, select: { id: true } })) {
      throw new AppError("DUPLICATE", { fields: { username: "validation.usernameTaken" } });
    }
    if (
      data.departmentId &&
      !(await tx.department.findUnique({ where: { id: data.departmentId }, select: { id: true } }))
    ) {
      throw new AppError("VALIDATION", { fields: { departmentId: "validation.departmentMissing" } });
    }
    const user = await tx.user.create({
      data: {
        username: data.username,
        displayName: data.displayName,
        passwordHash,
        role: data.role,
        departmentId: data.departmentId ?? null,
      },
      select: userSelect,
    });
    const view = toUserView(user);
    await writeAudit(tx, { actorId: actor.id, entityType: "User", entityId: user.id, action: "create", after: view });
    return view;
  });
}
