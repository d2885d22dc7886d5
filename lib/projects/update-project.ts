import "server-only";
import { getDb, type Tx } from "../db";
import { writeAudit } from "../audit/log";
import { assertCanOnProject, type Actor } from "../auth/permissions";
import { saveProjectEnterprise } from "../enterprises/resolve";
import { parseInput } from "../validation";
import { assertVersion } from "../locks";
import { lockProject } from "./load";
import { projectDetailSelect, toProjectDetail } from "./project-view";
import { industryIdOf, leaderIdOf, linkIdsOf, ownerIdOf, parkIdOf } from "./references";
import { projectDateFields, projectDecimalFields, updateProjectSchema } from "./schemas";

/**
 * Edits a project's record (not its stage: that is move-stage). Optimistic locking on
 * `version`: a stale edit is a CONFLICT and changes nothing. Changing the owner or the
 * leader in charge is a manager's decision.
 */
export async function updateProject({
  actor,
  id,
  input,
  alsoWrite,
}: {
  actor: Actor;
  id: string;
  input: unknown;
  /** Writes that commit with the edit (an import records the project on its job). */
  alsoWrite?: (tx: Tx) => Promise<void>;
}) {
  const data = parseInput(updateProjectSchema, input);
  return getDb().$transaction((tx) => applyProjectUpdate(tx, { actor, id, data, alsoWrite }));
}

/**
 * updateProject's work inside a transaction the caller holds (an import writes a chunk of
 * rows in one transaction, each row under its own savepoint), the input parsed the same way.
 */
export async function updateProjectIn(
  tx: Tx,
  { actor, id, input, alsoWrite }: { actor: Actor; id: string; input: unknown; alsoWrite?: (tx: Tx) => Promise<void> },
) {
  return applyProjectUpdate(tx, { actor, id, data: parseInput(updateProjectSchema, input), alsoWrite });
}

async function applyProjectUpdate(
  tx: Tx,
  {
    actor,
    id,
    data,
    alsoWrite,
  }: {
    actor: Actor;
    id: string;
    data: ReturnType<typeof updateProjectSchema.parse>;
    alsoWrite?: (tx: Tx) => Promise<void>;
  },
) {
  const { row: current, before } = await lockProject(tx, { actor, id });
  assertCanOnProject(actor, current, "update");
  assertVersion(current.version, data.version);

  const patch: Record<string, unknown> = {};
  const copy = [
    "name",
    ...projectDecimalFields,
    ...projectDateFields,
    "sourceChannel",
    "keyProject",
    "contacts",
    "tags",
    "description",
  ] as const;
  for (const key of copy) if (data[key] !== undefined) patch[key] = data[key];
  if (data.industryId !== undefined) patch.industryId = await industryIdOf(tx, data.industryId);
  if (data.parkId !== undefined) patch.parkId = await parkIdOf(tx, data.parkId);

  const newOwner = data.ownerId !== undefined ? await ownerIdOf(tx, data.ownerId) : current.ownerId;
  const newLeader = data.leaderId !== undefined ? await leaderIdOf(tx, data.leaderId) : current.leaderId;
  if (newOwner !== current.ownerId || newLeader !== current.leaderId) {
    assertCanOnProject(actor, current, "assign");
    patch.ownerId = newOwner;
    patch.leaderId = newLeader;
  }

  if (data.enterpriseName !== undefined || data.creditCode !== undefined) {
    const enterprise = await saveProjectEnterprise(tx, actor, current, {
      name: data.enterpriseName ?? current.enterpriseName,
      creditCode: data.creditCode === undefined ? (current.enterprise?.creditCode ?? null) : data.creditCode,
    });
    patch.enterpriseId = enterprise.id;
    patch.enterpriseName = enterprise.name;
    // Other projects of the same enterprise keep its name in step.
    await tx.project.updateMany({
      where: { enterpriseId: enterprise.id, id: { not: id } },
      data: { enterpriseName: enterprise.name },
    });
  }

  if (data.linkIds !== undefined) {
    const wanted = [...new Set(data.linkIds)];
    if (wanted.sort().join() !== [...current.links.map((l) => l.link.id)].sort().join()) {
      await linkIdsOf(tx, wanted);
      await tx.projectLink.deleteMany({ where: { projectId: id } });
      await tx.projectLink.createMany({ data: wanted.map((linkId) => ({ projectId: id, linkId })) });
    }
  }

  // The row is locked and its version checked: the update cannot race another edit.
  const after = toProjectDetail(
    await tx.project.update({
      where: { id },
      data: { ...patch, version: { increment: 1 } },
      select: projectDetailSelect,
    }),
  );
  await writeAudit(tx, { actorId: actor.id, entityType: "Project", entityId: id, action: "update", before, after });
  await alsoWrite?.(tx);
  return after;
}
