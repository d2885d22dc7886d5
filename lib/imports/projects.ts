import "server-only";
import type { Tx } from "../db";
import { writeAudits } from "../audit/log";
import { can, canOnProject, type Action, type Actor, type Role } from "../auth/permissions";
import { enterpriseEditable } from "../enterprises/can-edit";
import {
  findSimilarEnterprises,
  findSimilarEnterprisesMany,
  type Candidate,
  type EnterpriseMatch,
} from "../enterprises/duplicates";
import { resolveEnterprise } from "../enterprises/resolve";
import { AppError, isAppError } from "../errors";
import { isoDate } from "../dates";
import { projectDetailSelect, toProjectDetail, type ProjectDetail } from "../projects/project-view";
import { missingForStage } from "../projects/stage-machine";
import { pipelineStages, type Stage } from "../projects/stages";
import { recordNewProjectHistory } from "../projects/stage-changes";
import { updateProjectIn } from "../projects/update-project";
import { projectDateFields, projectDecimalFields, updateProjectSchema } from "../projects/schemas";
import { issueKey } from "../i18n/field-messages";
import { errorsByColumn, normalizeHeader, type ProjectColumnKey } from "./columns";
import { parseProjectRow, requiredForNew, type ProjectRow, type RowErrors } from "./project-rows";
import type { RowOutcome, RowWarning } from "./outcome";

type UserRef = { id: string; role: Role };

/** Reference data and the projects of the file's codes, loaded once per chunk of rows. */
export type ProjectImportContext = {
  actor: Actor;
  /** The commit job that records the projects it creates or changes (null in a dry run). */
  jobId: string | null;
  linkSimilar: boolean;
  industries: Map<string, string>;
  parks: Map<string, string>;
  users: Map<string, UserRef>;
  existing: Map<string, ProjectDetail>;
  seenCodes: Set<string>;
  /** The chunk's enterprise candidates by name and credit code (findSimilarEnterprisesMany), read once per chunk. */
  candidates: Map<string, Candidate[]>;
  /** Enterprises the chunk's rows so far created or linked (read again for the rows after them). */
  chunkEnterprises: string[];
  /** The chunk's projects created or changed, recorded on the job with its progress. */
  imported: { projectId: string; action: "CREATE" | "UPDATE" }[];
  /** Projects created whose stage history and audit row are still to be written (flushCreated). */
  created: CreatedProject[];
  /** What the row being written adds to the three above, kept only if the row is. */
  pending: {
    enterprises: string[];
    imported: { projectId: string; action: "CREATE" | "UPDATE" }[];
    created: CreatedProject[];
  };
};

type CreatedProject = { projectId: string; history: Parameters<typeof recordNewProjectHistory>[1] };

export async function loadProjectContext(
  db: Tx,
  actor: Actor,
  linkSimilar: boolean,
  jobId: string | null,
): Promise<ProjectImportContext> {
  const refMap = (rows: { id: string; code: string; name: string }[]) => {
    const m = new Map<string, string>();
    for (const r of rows) for (const k of [r.id, r.code, r.name]) m.set(normalizeHeader(k), r.id);
    return m;
  };
  const [industries, parks, users] = await Promise.all([
    db.industry.findMany({ select: { id: true, code: true, name: true } }),
    db.park.findMany({ select: { id: true, code: true, name: true } }),
    db.user.findMany({ where: { active: true }, select: { id: true, username: true, displayName: true, role: true } }),
  ]);
  const userMap = new Map<string, UserRef>();
  const names = new Map<string, number>();
  for (const u of users) names.set(u.displayName, (names.get(u.displayName) ?? 0) + 1);
  for (const u of users) {
    userMap.set(u.id, u);
    userMap.set(normalizeHeader(u.username), u);
    // A display name identifies a user only when no one else has it.
    if (names.get(u.displayName) === 1) userMap.set(normalizeHeader(u.displayName), u);
  }
  return {
    actor,
    jobId,
    linkSimilar,
    industries: refMap(industries),
    parks: refMap(parks),
    users: userMap,
    existing: new Map(),
    seenCodes: new Set(),
    candidates: new Map(),
    chunkEnterprises: [],
    imported: [],
    created: [],
    pending: { enterprises: [], imported: [], created: [] },
  };
}

const candidateKey = (input: { name: string; creditCode?: string | null }) =>
  `${input.name}\u0000${input.creditCode || ""}`;

/**
 * Loads what a chunk of rows needs into the context, a statement each: the existing projects
 * of the rows' codes, and the enterprise candidates of the rows that would create a project.
 */
export async function loadChunk(db: Tx, ctx: ProjectImportContext, rows: Partial<Record<ProjectColumnKey, string>>[]) {
  const parsed = rows.map((cells) => parseProjectRow(cells)).flatMap((p) => (p.ok ? [p.row] : []));
  ctx.existing.clear();
  const found = await db.project.findMany({
    where: { code: { in: parsed.map((r) => r.code) } },
    select: projectDetailSelect,
  });
  for (const r of found) ctx.existing.set(r.code, toProjectDetail(r));
  const inputs = new Map<string, { name: string; creditCode?: string | null }>();
  for (const r of parsed)
    if (!ctx.existing.has(r.code) && r.enterpriseName)
      inputs.set(candidateKey({ name: r.enterpriseName, creditCode: r.creditCode }), {
        name: r.enterpriseName,
        creditCode: r.creditCode,
      });
  const { candidates } = await findSimilarEnterprisesMany(db, [...inputs.values()], 3);
  ctx.candidates = new Map([...inputs.keys()].map((k, i) => [k, candidates[i]]));
  ctx.chunkEnterprises = [];
  ctx.imported = [];
}

/** The row just done: what it wrote is kept (its savepoint released) or was rolled back. */
export function settleRow(ctx: ProjectImportContext, kept: boolean) {
  if (kept) {
    ctx.chunkEnterprises.push(...ctx.pending.enterprises.filter((id) => !ctx.chunkEnterprises.includes(id)));
    ctx.imported.push(...ctx.pending.imported);
    ctx.created.push(...ctx.pending.created);
  }
  ctx.pending = { enterprises: [], imported: [], created: [] };
}

/**
 * Writes the stage history and the audit row (the project as created, `import:create`) of the
 * projects created since the last flush, a statement each. Done at the end of each chunk, and
 * before a row that may change what those rows would show (willTouchCreated).
 */
export async function flushCreated(tx: Tx, ctx: ProjectImportContext) {
  if (!ctx.created.length) return;
  const rows = await tx.project.findMany({
    where: { id: { in: ctx.created.map((c) => c.projectId) } },
    select: projectDetailSelect,
  });
  const detail = new Map(rows.map((r) => [r.id, toProjectDetail(r)]));
  await recordNewProjectHistory(
    tx,
    ctx.created.flatMap((c) => c.history),
  );
  await writeAudits(
    tx,
    ctx.created.map((c) => ({
      actorId: ctx.actor.id,
      entityType: "Project",
      entityId: c.projectId,
      action: "import:create",
      after: detail.get(c.projectId),
    })),
  );
  ctx.created = [];
}

/**
 * Whether applying this plan may change a project created earlier in the chunk as its audit
 * row would show it: a change of an existing enterprise's name or credit code (its projects
 * follow), or a new project that stores a credit code on the enterprise it links.
 */
export function willTouchCreated(plan: ProjectPlan): boolean {
  if (plan.action === "update") return plan.input.enterpriseName !== undefined || plan.input.creditCode !== undefined;
  return plan.action === "create" && !!plan.enterpriseId && !!plan.row.creditCode;
}

/**
 * Records the chunk's projects on the commit job that wrote them, in the chunk's transaction
 * (the grid's `importJob=` filter).
 */
export async function recordChunk(tx: Tx, ctx: ProjectImportContext) {
  if (ctx.jobId && ctx.imported.length)
    await tx.importJobProject.createMany({ data: ctx.imported.map((r) => ({ jobId: ctx.jobId!, ...r })) });
  ctx.imported = [];
}

export type ProjectPlan =
  | {
      action: "create";
      row: ProjectRow;
      stage: Stage;
      ownerId: string;
      leaderId: string | null;
      industryId: string;
      parkId: string | null;
      enterpriseId: string | null;
      override: boolean;
    }
  | { action: "update"; id: string; input: Record<string, unknown> }
  | { action: "unchanged" | "error" };

const stageDate: Partial<Record<Stage, keyof ProjectRow>> = {
  SIGNED: "signingDate",
  REGISTERED: "registrationDate",
  CONSTRUCTION: "constructionDate",
  COMPLETED: "completionDate",
  PRODUCTION: "productionDate",
};

const moneyKeys = projectDecimalFields;
const dateKeys = projectDateFields;

/** The import's column of a field of updateProject's input. */
const columnOfField: Record<string, ProjectColumnKey> = {
  industryId: "industry",
  parkId: "park",
  ownerId: "owner",
  leaderId: "leader",
};

/**
 * What importing one row would do: create, update (only the columns given that differ),
 * nothing, or an error per column. Nothing is written here; the dry run and the commit
 * share this plan.
 */
export async function planProjectRow(
  db: Tx,
  ctx: ProjectImportContext,
  rowNumber: number,
  cells: Partial<Record<ProjectColumnKey, string>>,
): Promise<{ outcome: RowOutcome; plan: ProjectPlan }> {
  const parsed = parseProjectRow(cells);
  const key = (cells.code ?? "").trim().toUpperCase();
  const fail = (errors: RowErrors, warnings: RowWarning[] = []) => ({
    outcome: { row: rowNumber, key, action: "error" as const, errors, warnings },
    plan: { action: "error" as const },
  });

  // References are looked up from the cells themselves, so a row shows all its errors at once.
  const errors: RowErrors = parsed.ok ? {} : { ...parsed.errors };
  const cell = (col: ProjectColumnKey) => (cells[col] ?? "").trim() || undefined;
  const ref = (map: Map<string, string>, col: ProjectColumnKey, message: string) => {
    const v = cell(col);
    if (v === undefined) return undefined;
    const id = map.get(normalizeHeader(v));
    if (!id) errors[col] ??= message;
    return id;
  };
  const industryId = ref(ctx.industries, "industry", "validation.industryMissing");
  const parkId = ref(ctx.parks, "park", "validation.parkMissing");
  const user = (col: "owner" | "leader", may: Action, message: string) => {
    const v = cell(col);
    if (v === undefined) return undefined;
    const u = ctx.users.get(normalizeHeader(v)) ?? ctx.users.get(v);
    if (!u || !can(u.role, may)) {
      errors[col] ??= message;
      return undefined;
    }
    return u.id;
  };
  const ownerId = user("owner", "project.own", "validation.ownerMissing");
  const leaderId = user("leader", "project.lead", "validation.leaderMissing");
  if (!parsed.ok) return fail(errors);
  const row = parsed.row;
  if (ctx.seenCodes.has(row.code)) return fail({ code: "validation.importDuplicateCode" });
  ctx.seenCodes.add(row.code);

  const current = ctx.existing.get(row.code);
  if (current) return planUpdate(db, ctx, rowNumber, row, current, { industryId, parkId, ownerId, leaderId }, errors);

  for (const col of requiredForNew) if (row[col] === undefined) errors[col] ??= "validation.required";
  // The project as it would be: the actor's right to assign and to override comes from the table.
  const asCreated = { ownerId: ownerId ?? ctx.actor.id, leaderId: leaderId ?? null };
  if (ownerId && ownerId !== ctx.actor.id && !canOnProject(ctx.actor, asCreated, "assign"))
    errors.owner = "validation.ownerNotYours";
  const stage = row.stage ?? "LEAD";
  const manager = canOnProject(ctx.actor, asCreated, "override");
  let override = false;
  const path = pipelineStages.slice(1, pipelineStages.indexOf(stage as (typeof pipelineStages)[number]) + 1);
  for (const s of path) {
    if (s === "CONSTRUCTION") override = true;
    const missing = missingForStage(
      s,
      {
        from: "LEAD",
        to: s,
        role: ctx.actor.role,
        suspendedFrom: null,
        note: "",
        signingDate: row.signingDate ?? null,
        contractInvestment: row.contractInvestment ?? null,
        creditCode: row.creditCode ?? null,
        completionDate: row.completionDate ?? null,
        productionDate: row.productionDate ?? null,
        constructionPermitIssued: false,
      },
      manager,
    );
    if (missing && !missing.ok) {
      if (missing.fields) for (const [k, v] of Object.entries(missing.fields)) errors[k as ProjectColumnKey] ??= v;
      else errors.stage ??= `errors.${missing.rule}`;
    }
  }
  if (Object.keys(errors).length) return fail(errors);

  // The enterprise: by credit code, by exact name, else new (near names are a warning,
  // or the link when the user asked for it).
  const warnings: RowWarning[] = [];
  let enterpriseId: string | null = null;
  // Read with the chunk (and again for the enterprises its earlier rows wrote), or now.
  const input = { name: row.enterpriseName!, creditCode: row.creditCode };
  const pre = ctx.candidates.get(candidateKey(input));
  const matches: EnterpriseMatch[] =
    pre === undefined
      ? await findSimilarEnterprises(db, input, 3)
      : (await findSimilarEnterprisesMany(db, [input], 3, { among: ctx.chunkEnterprises, also: [pre] })).matches[0];
  const exact = matches.find((m) => m.reason === "CREDIT_CODE") ?? matches.find((m) => m.reason === "SAME_NAME");
  let linked: EnterpriseMatch | undefined;
  if (exact) {
    if (exact.reason === "CREDIT_CODE" && exact.name !== row.enterpriseName)
      warnings.push({ key: "imports.warn.enterpriseByCode", params: { name: exact.name } });
    linked = exact;
  } else if (matches.length) {
    const best = matches[0];
    if (ctx.linkSimilar) {
      linked = best;
      warnings.push({ key: "imports.warn.linkedSimilar", params: { name: best.name } });
    } else
      warnings.push({
        key: "imports.warn.similarEnterprise",
        params: { name: best.name, score: Math.round(best.score * 100) },
      });
  }
  if (linked) {
    // What resolveEnterprise will do with the row's credit code: refuse a different one, or
    // store a missing one, which is a change to the enterprise under the enterprise rule.
    if (row.creditCode && linked.creditCode && linked.creditCode !== row.creditCode)
      return fail({ creditCode: "validation.creditCodeMismatch" });
    if (row.creditCode && !linked.creditCode && !(await enterpriseEditable(db, ctx.actor, linked.id)))
      return fail({ creditCode: "validation.enterpriseNotYours" });
    enterpriseId = linked.id;
  }
  if (enterpriseId) {
    const other = await db.project.findFirst({
      where: { enterpriseId, stage: { not: "TERMINATED" } },
      select: { code: true },
    });
    if (other) warnings.push({ key: "imports.warn.sameEnterpriseProject", params: { code: other.code } });
  }
  return {
    outcome: { row: rowNumber, key, action: "create", warnings },
    plan: {
      action: "create",
      row,
      stage,
      ownerId: ownerId ?? ctx.actor.id,
      leaderId: leaderId ?? null,
      industryId: industryId!,
      parkId: parkId ?? null,
      enterpriseId,
      override,
    },
  };
}

async function planUpdate(
  db: Tx,
  ctx: ProjectImportContext,
  rowNumber: number,
  row: ProjectRow,
  p: ProjectDetail,
  refs: { industryId?: string; parkId?: string; ownerId?: string; leaderId?: string },
  errors: RowErrors,
): Promise<{ outcome: RowOutcome; plan: ProjectPlan }> {
  const key = row.code;
  if (row.stage && row.stage !== p.stage) errors.stage = "validation.importStageChange";
  const input: Record<string, unknown> = {};
  const changed: string[] = [];
  const set = (col: string, field: string, value: unknown, same: boolean) => {
    if (value === undefined || same) return;
    input[field] = value;
    changed.push(col);
  };
  set("name", "name", row.name, row.name === p.name);
  set("enterpriseName", "enterpriseName", row.enterpriseName, row.enterpriseName === p.enterpriseName);
  set("creditCode", "creditCode", row.creditCode, row.creditCode === p.creditCode);
  set("industry", "industryId", refs.industryId, refs.industryId === p.industryId);
  set("park", "parkId", refs.parkId, refs.parkId === p.parkId);
  for (const k of moneyKeys) set(k, k, row[k], row[k] === p[k]);
  for (const k of dateKeys) set(k, k, row[k] && isoDate(row[k]), isoDate(row[k]) === p[k]);
  set("sourceChannel", "sourceChannel", row.sourceChannel, row.sourceChannel === p.sourceChannel);
  set("keyProject", "keyProject", row.keyProject, row.keyProject === p.keyProject);
  set("owner", "ownerId", refs.ownerId, refs.ownerId === p.ownerId);
  set("leader", "leaderId", refs.leaderId, refs.leaderId === p.leaderId);
  set("tags", "tags", row.tags, row.tags?.join("\u0000") === p.tags.join("\u0000"));
  set("description", "description", row.description, row.description === (p.description ?? undefined));
  if (changed.length && !canOnProject(ctx.actor, p, "update")) errors._ = "imports.notYours";
  // The commit hands `input` to updateProject, which parses it with its own schema: so does the dry run.
  const checked = updateProjectSchema.safeParse({ ...input, version: p.version }, { error: issueKey });
  if (!checked.success)
    for (const [field, m] of Object.entries(errorsByColumn<string>(checked.error.issues)))
      errors[(columnOfField[field] ?? field) as ProjectColumnKey] ??= m;
  if ((input.ownerId || input.leaderId) && !canOnProject(ctx.actor, p, "assign"))
    errors[input.ownerId ? "owner" : "leader"] = "validation.ownerNotYours";
  // A credit code another enterprise holds is refused by the commit (saveProjectEnterprise).
  if (typeof input.creditCode === "string") {
    const holder = await db.enterprise.findUnique({ where: { creditCode: input.creditCode }, select: { id: true } });
    if (holder && holder.id !== p.enterpriseId) errors.creditCode ??= "validation.creditCodeTaken";
  }
  // The project's enterprise is renamed (or its code changed) only by whoever may change it.
  const enterpriseCol = input.enterpriseName !== undefined ? "enterpriseName" : "creditCode";
  if (
    (input.enterpriseName !== undefined || input.creditCode !== undefined) &&
    p.enterpriseId &&
    !errors._ &&
    !(await enterpriseEditable(db, ctx.actor, p.enterpriseId))
  )
    errors[enterpriseCol] ??= "validation.enterpriseNotYours";
  if (Object.keys(errors).length)
    return { outcome: { row: rowNumber, key, action: "error", errors }, plan: { action: "error" } };
  if (!changed.length) return { outcome: { row: rowNumber, key, action: "unchanged" }, plan: { action: "unchanged" } };
  return {
    outcome: { row: rowNumber, key, action: "update", changes: changed },
    plan: { action: "update", id: p.id, input: { ...input, version: p.version } },
  };
}

/**
 * Carries out one planned row inside the caller's transaction (the import writes a chunk of
 * rows in one, each row under its own savepoint); a rule's refusal becomes the row's
 * errors, and the caller rolls the row back to its savepoint.
 */
export async function applyProjectPlan(
  tx: Tx,
  ctx: ProjectImportContext,
  plan: ProjectPlan,
): Promise<RowErrors | null> {
  try {
    if (plan.action === "update")
      await updateProjectIn(tx, {
        actor: ctx.actor,
        id: plan.id,
        input: plan.input,
        alsoWrite: async () => void ctx.pending.imported.push({ projectId: plan.id, action: "UPDATE" }),
      });
    if (plan.action === "create") await createImported(tx, ctx, plan);
    return null;
  } catch (err) {
    if (!isAppError(err)) throw err;
    return err.fields ? (err.fields as RowErrors) : { _: `errors.${err.code}` };
  }
}

async function createImported(tx: Tx, ctx: ProjectImportContext, plan: Extract<ProjectPlan, { action: "create" }>) {
  const { actor } = ctx;
  const { row } = plan;
  const enterprise = await resolveEnterprise(tx, actor, {
    name: row.enterpriseName!,
    creditCode: row.creditCode,
    enterpriseId: plan.enterpriseId,
  });
  ctx.pending.enterprises.push(enterprise.id);
  // Each stage on the way is dated by its date column, else by the next dated stage,
  // else now; never later than the stage after it (a millisecond apart keeps the order).
  const path = pipelineStages.slice(0, pipelineStages.indexOf(plan.stage as (typeof pipelineStages)[number]) + 1);
  const dates: Date[] = [];
  let next = new Date();
  for (let i = path.length - 1; i >= 0; i--) {
    const k = stageDate[path[i]];
    const own = k ? (row[k] as Date | undefined) : undefined;
    const d = own && own.getTime() < next.getTime() ? own : next;
    dates[i] = new Date(d.getTime() - (own ? 0 : 1));
    next = dates[i];
  }
  const dateOf = (s: Stage) => dates[path.indexOf(s as (typeof pipelineStages)[number])];
  // Only its id now: its history and audit row follow with the chunk's (flushCreated).
  const project = await tx.project
    .create({
      data: {
        code: row.code,
        name: row.name!,
        enterpriseId: enterprise.id,
        enterpriseName: enterprise.name,
        industryId: plan.industryId,
        parkId: plan.parkId,
        totalInvestment: row.totalInvestment!,
        fixedAssetInvestment: row.fixedAssetInvestment ?? null,
        foreignCapital: row.foreignCapital ?? null,
        expectedAnnualOutput: row.expectedAnnualOutput ?? null,
        expectedAnnualTax: row.expectedAnnualTax ?? null,
        landArea: row.landArea ?? null,
        sourceChannel: row.sourceChannel ?? "PROFESSIONAL",
        keyProject: row.keyProject ?? false,
        ownerId: plan.ownerId,
        leaderId: plan.leaderId,
        tags: row.tags ?? [],
        description: row.description ?? null,
        stage: plan.stage,
        stageEnteredAt: dateOf(plan.stage),
        signingDate: row.signingDate ?? null,
        contractInvestment: row.contractInvestment ?? null,
        registrationDate: row.registrationDate ?? null,
        plannedStartDate: row.plannedStartDate ?? null,
        constructionDate: row.constructionDate ?? null,
        completionDate: row.completionDate ?? null,
        productionDate: row.productionDate ?? null,
      },
      select: { id: true },
    })
    .catch((err: unknown) => {
      // The chunk found no project of this code when it started: one created since by someone else.
      if ((err as { code?: string }).code === "P2002")
        throw new AppError("DUPLICATE", { fields: { code: "validation.projectCodeTaken" } });
      throw err;
    });
  // The stage history a project at this stage would have: one first entry per stage on the way.
  ctx.pending.created.push({
    projectId: project.id,
    history: path.map((s, i) => ({
      projectId: project.id,
      from: i === 0 ? null : path[i - 1],
      to: s,
      actorId: actor.id,
      note: "批量导入",
      override: plan.override && s === "CONSTRUCTION",
      at: dateOf(s),
    })),
  });
  ctx.pending.imported.push({ projectId: project.id, action: "CREATE" });
}
