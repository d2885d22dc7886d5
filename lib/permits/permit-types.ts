import "server-only";
import { getDb } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { assertVersion, lockRow } from "../locks";
import { parseInput } from "../validation";
import { createPermitTypeSchema, updatePermitTypeSchema } from "./schemas";

export async function listPermitTypes({ actor }: { actor: Actor }) {
  assertCan(actor, "permit.read");
  const rows = await getDb().permitType.findMany({
    orderBy: [{ sortOrder: "asc" }, { code: "asc" }],
    include: { department: { select: { code: true, name: true } } },
  });
  return rows.map((r) => ({
    id: r.id,
    code: r.code,
    name: r.name,
    departmentId: r.departmentId,
    department: r.department.code,
    departmentName: r.department.name,
    statutoryDays: r.statutoryDays,
    fastTrackDays: r.fastTrackDays,
    sortOrder: r.sortOrder,
    active: r.active,
    version: r.version,
  }));
}

async function checkDepartment(departmentId: string | undefined) {
  if (departmentId === undefined) return;
  const d = await getDb().department.findUnique({ where: { id: departmentId }, select: { id: true } });
  if (!d) throw new AppError("VALIDATION", { fields: { departmentId: "validation.departmentMissing" } });
}

function checkDays(statutory: number, fastTrack: number) {
  if (fastTrack > statutory)
    throw new AppError("VALIDATION", { fields: { fastTrackDays: "validation.fastTrackLonger" } });
}

export async function createPermitType({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "permit.admin");
  const data = parseInput(createPermitTypeSchema, input);
  await checkDepartment(data.departmentId);
  checkDays(data.statutoryDays, data.fastTrackDays);
  return getDb().$transaction(async (tx) => {
    if (await tx.permitType.findFirst({ where: { OR: [{ code: data.code }, { name: data.name }] } }))
      throw new AppError("DUPLICATE", { fields: { name: "validation.typeTaken" } });
    const row = await tx.permitType.create({ data });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "PermitType",
      entityId: row.id,
      action: "create",
      after: row,
    });
    return row;
  });
}

/** Name, department, working-day limits, order, active. Items already submitted keep their limits and department. */
export async function updatePermitType({ actor, id, input }: { actor: Actor; id: string; input: unknown }) {
  assertCan(actor, "permit.admin");
  const data = parseInput(updatePermitTypeSchema, input);
  await checkDepartment(data.departmentId);
  return getDb().$transaction(async (tx) => {
    if (!(await lockRow(tx, "permit_types", id))) throw new AppError("NOT_FOUND");
    const before = await tx.permitType.findUniqueOrThrow({ where: { id } });
    assertVersion(before.version, data.version);
    checkDays(data.statutoryDays ?? before.statutoryDays, data.fastTrackDays ?? before.fastTrackDays);
    if (data.name && data.name !== before.name && (await tx.permitType.findUnique({ where: { name: data.name } })))
      throw new AppError("DUPLICATE", { fields: { name: "validation.typeTaken" } });
    const { version: _v, ...patch } = data;
    void _v;
    const after = await tx.permitType.update({ where: { id }, data: { ...patch, version: { increment: 1 } } });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "PermitType",
      entityId: id,
      action: "update",
      before,
      after,
    });
    return after;
  });
}
