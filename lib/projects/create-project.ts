import "server-only";
import { getDb, type Tx } from "../db";
import { shanghaiYear } from "../dates";
import { writeAudit } from "../audit/log";
import { assertCan, canOnProject, type Actor } from "../auth/permissions";
import { needsDecision, projectDuplicates } from "../enterprises/duplicates";
import { resolveEnterprise } from "../enterprises/resolve";
import { AppError } from "../errors";
import { parseInput } from "../validation";
import { createProjectSchema, type CreateProjectData } from "./schemas";
import { projectDetailSelect, toProjectDetail } from "./project-view";
import { recordStageChange } from "./stage-changes";
import { industryIdOf, leaderIdOf, linkIdsOf, ownerIdOf, parkIdOf } from "./references";

/** The next free code of the year: NH-2026-0001, NH-2026-0002, … */
export async function nextProjectCode(tx: Tx, year: number): Promise<string> {
  const prefix = `NH-${year}-`;
  const last = await tx.project.findFirst({
    where: { code: { startsWith: prefix } },
    orderBy: { code: "desc" },
    select: { code: true },
  });
  const n = last ? Number(last.code.slice(prefix.length)) || 0 : 0;
  return `${prefix}${String(n + 1).padStart(4, "0")}`;
}

/**
 * A new lead (线索). The creator owns it unless a manager names another owner. The
 * enterprise is the one linked (`enterpriseId`), else found by credit code or exact name,
 * else created. With `checkDuplicates` a near-matching enterprise or an existing project
 * of the same investor refuses the create with DUPLICATE_SUSPECTED and the matches, so the
 * user can link, record a capital increase (增资扩产) instead, or confirm a new project.
 * The first stage-change row (→ LEAD) starts the project's history.
 */
export async function createProject({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "project.create");
  const data = parseInput(createProjectSchema, input);
  for (let attempt = 0; ; attempt++) {
    try {
      return await getDb().$transaction((tx) => insertProject(tx, actor, data));
    } catch (err) {
      // Two leads created at the same moment may draw the same generated code: retry.
      const isCodeRace = (err as { code?: string }).code === "P2002" && !data.code;
      if (!isCodeRace || attempt >= 4) throw err;
    }
  }
}

/** The body of a create, inside the caller's transaction (also used by target → lead). */
export async function insertProject(
  tx: Tx,
  actor: Actor,
  data: CreateProjectData,
  audit: { action?: string; note?: string } = {},
) {
  if (
    data.ownerId &&
    data.ownerId !== actor.id &&
    !canOnProject(actor, { ownerId: actor.id, leaderId: null }, "assign")
  )
    throw new AppError("FORBIDDEN", { params: { action: "project.assign" } });
  // One connection per transaction: these run one after another.
  const industryId = await industryIdOf(tx, data.industryId);
  const parkId = await parkIdOf(tx, data.parkId);
  const leaderId = await leaderIdOf(tx, data.leaderId);
  const ownerId = data.ownerId ? await ownerIdOf(tx, data.ownerId) : actor.id;
  if (data.code && (await tx.project.findUnique({ where: { code: data.code }, select: { id: true } }))) {
    throw new AppError("DUPLICATE", { fields: { code: "validation.projectCodeTaken" } });
  }
  const linkIds = await linkIdsOf(tx, data.linkIds);
  if (data.checkDuplicates) {
    const report = await projectDuplicates(tx, {
      name: data.name,
      enterpriseName: data.enterpriseName,
      creditCode: data.creditCode,
      enterpriseId: data.enterpriseId,
    });
    if (needsDecision(report)) throw new AppError("DUPLICATE_SUSPECTED", { details: report });
  }
  const enterprise = await resolveEnterprise(tx, actor, {
    name: data.enterpriseName,
    creditCode: data.creditCode,
    enterpriseId: data.enterpriseId,
  });
  const code = data.code ?? (await nextProjectCode(tx, shanghaiYear()));
  const project = await tx.project.create({
    data: {
      code,
      name: data.name,
      enterpriseId: enterprise.id,
      enterpriseName: enterprise.name,
      industryId,
      parkId,
      totalInvestment: data.totalInvestment,
      fixedAssetInvestment: data.fixedAssetInvestment ?? null,
      foreignCapital: data.foreignCapital ?? null,
      expectedAnnualOutput: data.expectedAnnualOutput ?? null,
      expectedAnnualTax: data.expectedAnnualTax ?? null,
      landArea: data.landArea ?? null,
      sourceChannel: data.sourceChannel,
      keyProject: data.keyProject,
      ownerId,
      leaderId,
      contacts: data.contacts,
      tags: data.tags,
      description: data.description ?? null,
      plannedStartDate: data.plannedStartDate ?? null,
      stage: "LEAD",
      links: { create: linkIds.map((linkId) => ({ linkId })) },
    },
    select: projectDetailSelect,
  });
  await recordStageChange(tx, {
    projectId: project.id,
    from: null,
    to: "LEAD",
    actorId: actor.id,
    note: audit.note,
    audit: null,
  });
  const view = toProjectDetail(project);
  await writeAudit(tx, {
    actorId: actor.id,
    entityType: "Project",
    entityId: project.id,
    action: audit.action ?? "create",
    after: view,
  });
  return view;
}

const duplicateQuerySchema = createProjectSchema.pick({
  name: true,
  enterpriseName: true,
  creditCode: true,
  enterpriseId: true,
});

/** The near matches a new project would be checked against (GET /api/v1/projects/duplicates). */
export async function checkProjectDuplicates({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "project.create");
  const data = parseInput(duplicateQuerySchema, input);
  return projectDuplicates(getDb(), data);
}
