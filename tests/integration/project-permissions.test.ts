// Every role × every project action (SPEC §1): STAFF on own projects, LEADER on led
// projects, MANAGER on all; ADMIN reads every project, APPROVER only those whose 七证合一
// case has an item of their department ("permit"). A project one may not see answers 404
// to every action, one seen but not allowed 403; a refused action writes nothing.
import { getDb } from "../../lib/db";
import { roles, type Role } from "../../lib/auth/permissions";
import { createProject } from "../../lib/projects/create-project";
import { updateProject } from "../../lib/projects/update-project";
import { moveProjectStage } from "../../lib/projects/move-stage";
import { addActivity } from "../../lib/projects/activities";
import { getProject, listProjects } from "../../lib/projects/queries";
import {
  actorOf,
  createDepartment,
  createIndustry,
  createPermitItem,
  createProject as makeProject,
  createUser,
} from "../factories";

type Relation = "owner" | "leader" | "permit" | "other";
const expected: Record<string, Record<Role, Relation[]>> = {
  read: {
    STAFF: ["owner", "other"],
    APPROVER: ["permit"],
    LEADER: ["owner", "leader", "other"],
    MANAGER: ["other"],
    ADMIN: ["other"],
  },
  update: { STAFF: ["owner"], APPROVER: [], LEADER: ["leader"], MANAGER: ["other"], ADMIN: [] },
  move: { STAFF: ["owner"], APPROVER: [], LEADER: ["leader"], MANAGER: ["other"], ADMIN: [] },
  activity: { STAFF: ["owner"], APPROVER: [], LEADER: ["leader"], MANAGER: ["other"], ADMIN: [] },
};
const relationsOf: Record<Role, Relation[]> = {
  STAFF: ["owner", "other"],
  APPROVER: ["permit", "other"],
  LEADER: ["owner", "leader", "other"],
  MANAGER: ["other"],
  ADMIN: ["other"],
};

async function attempt(action: string, actor: ReturnType<typeof actorOf>, projectId: string, version: number) {
  switch (action) {
    case "read":
      return getProject({ actor, id: projectId });
    case "update":
      return updateProject({ actor, id: projectId, input: { name: "改名", version } });
    case "move":
      return moveProjectStage({ actor, projectId, input: { to: "NEGOTIATING", version } });
    case "activity":
      return addActivity({ actor, projectId, input: { type: "CALL", date: "2026-11-01", notes: "电话沟通" } });
  }
}

describe("project permissions", () => {
  for (const role of roles) {
    for (const relation of relationsOf[role]) {
      it(`${role} on a project where they are ${relation}`, async () => {
        const department = role === "APPROVER" ? await createDepartment({ kind: "PERMIT" }) : null;
        const user = await createUser({ role, departmentId: department?.id ?? null });
        const actor = actorOf(user);
        const owner = relation === "owner" ? user : await createUser({ role: "STAFF" });
        const leader = relation === "leader" ? user : null;
        const seen = expected.read[role].includes(relation);
        for (const action of Object.keys(expected)) {
          const p = await makeProject({ ownerId: owner.id, leaderId: leader?.id ?? null });
          if (relation === "permit") await createPermitItem({ projectId: p.id, departmentId: department!.id });
          // Another department's item does not make the project theirs.
          else if (role === "APPROVER")
            await createPermitItem({ projectId: p.id, departmentId: (await createDepartment({ kind: "PERMIT" })).id });
          const allowed = expected[action][role].includes(relation);
          const result = attempt(action, actor, p.id, p.version);
          if (allowed) await expect(result).resolves.toBeTruthy();
          else {
            await expect(result).rejects.toMatchObject({ code: seen ? "FORBIDDEN" : "NOT_FOUND" });
            const after = await getDb().project.findUniqueOrThrow({ where: { id: p.id } });
            expect([action, after.version, after.stage]).toEqual([action, p.version, "LEAD"]);
            expect(await getDb().projectActivity.count({ where: { projectId: p.id } })).toBe(0);
          }
        }
      });
    }
  }

  it("only STAFF, LEADER and MANAGER create leads; only a MANAGER names another owner", async () => {
    const industry = await createIndustry();
    const input = {
      name: "新线索",
      enterpriseName: "某某科技有限公司",
      industryId: industry.id,
      totalInvestment: "100",
    };
    for (const role of roles) {
      const actor = actorOf(await createUser({ role }));
      const r = createProject({ actor, input });
      if (["STAFF", "LEADER", "MANAGER"].includes(role))
        await expect(r).resolves.toMatchObject({ ownerId: actor.id, stage: "LEAD" });
      else await expect(r).rejects.toMatchObject({ code: "FORBIDDEN" });
    }
    const other = await createUser({ role: "STAFF" });
    const staff = actorOf(await createUser({ role: "STAFF" }));
    await expect(createProject({ actor: staff, input: { ...input, ownerId: other.id } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const manager = actorOf(await createUser({ role: "MANAGER" }));
    await expect(createProject({ actor: manager, input: { ...input, ownerId: other.id } })).resolves.toMatchObject({
      ownerId: other.id,
    });
  });

  it("only a MANAGER reassigns the owner or the leader", async () => {
    const staff = await createUser({ role: "STAFF" });
    const leader = await createUser({ role: "LEADER" });
    const p = await makeProject({ ownerId: staff.id });
    await expect(
      updateProject({ actor: actorOf(staff), id: p.id, input: { leaderId: leader.id, version: p.version } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const manager = actorOf(await createUser({ role: "MANAGER" }));
    await expect(
      updateProject({ actor: manager, id: p.id, input: { leaderId: leader.id, version: p.version } }),
    ).resolves.toMatchObject({ leaderId: leader.id });
  });

  it("every role may list projects (an approver those of their department's permit items)", async () => {
    for (const role of roles)
      await expect(listProjects({ actor: actorOf(await createUser({ role })), query: {} })).resolves.toHaveProperty(
        "total",
      );
  });
});
