import "server-only";
import { randomUUID } from "node:crypto";
import { getDb, type Tx } from "../db";
import { writeAudits } from "../audit/log";
import { can, canOnProject, type Action, type Actor, type Role } from "../auth/permissions";
import { enterpriseEditable } from "../enterprises/can-edit";
import {
  findSimilarEnterprises,
  findSimilarEnterprisesMany,
  relatedNames,
  type Candidate,
  type EnterpriseMatch,
} from "../enterprises/duplicates";
import { nameColumns } from "../enterprises/name-key";
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
  /**
   * Of the chunk's new rows' enterprises (by candidateKey), the others each may match
   * (relatedNames); null when not read (a dry run writes nothing, so nothing is read again).
   */
  related: Map<string, Set<string>> | null;
  /** Enterprises the chunk's rows so far created or linked (read again for the rows after them). */
  chunkEnterprises: string[];
  /** The candidateKeys of the rows whose enterprise is among chunkEnterprises. */
  writtenKeys: Set<string>;
  /**
   * A commit's new projects planned but not yet written: written together (writeDeferred)
   * before a row whose plan could see them, before one that could change them, and at the
   * end of the chunk.
   */
  deferred: DeferredCreate[];
  /** Each row parsed once per chunk (readChunk, planProjectRow, mustWriteBefore). */
  parsed: WeakMap<object, ReturnType<typeof parseProjectRow>>;
  /** The chunk's projects created or changed, recorded on the job with its progress. */
  imported: { projectId: string; action: "CREATE" | "UPDATE" }[];
  /** Projects created whose stage history and audit row are still to be written (flushCreated). */
  created: CreatedProject[];
  /** What the row being written adds to the three above, kept only if the row is. */
  pending: {
    enterprises: string[];
    keys: string[];
    imported: { projectId: string; action: "CREATE" | "UPDATE" }[];
    created: CreatedProject[];
  };
};

type CreatedProject = { projectId: string; history: Parameters<typeof recordNewProjectHistory>[1] };
type CreatePlan = Extract<ProjectPlan, { action: "create" }>;
/** A planned new project waiting to be written with others (the row number for its outcome). */
export type DeferredCreate = { row: number; key: string; plan: CreatePlan };

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
    related: null,
    chunkEnterprises: [],
    writtenKeys: new Set(),
    deferred: [],
    parsed: new WeakMap(),
    imported: [],
    created: [],
    pending: { enterprises: [], keys: [], imported: [], created: [] },
  };
}

const candidateKey = (input: { name: string; creditCode?: string | null }) =>
  `${input.name}\u0000${input.creditCode || ""}`;

type Cells = Partial<Record<ProjectColumnKey, string>>;

/** The row parsed, once per chunk. */
function parsedRow(ctx: ProjectImportContext, cells: Cells) {
  let p = ctx.parsed.get(cells);
  if (!p) ctx.parsed.set(cells, (p = parseProjectRow(cells)));
  return p;
}

/** What a chunk of rows needs from the database (readChunk). */
export type ChunkRead = {
  existing: Map<string, ProjectDetail>;
  candidates: Map<string, Candidate[]>;
  related: Map<string, Set<string>> | null;
};

/**
 * Reads what a chunk of rows needs: the existing projects of the rows' codes (in `db`, the
 * chunk's transaction in a commit), and the enterprise candidates of the rows that would
 * create a project, with (in a commit) which of those rows' enterprises may match one another —
 * read before the chunk writes anything, so on the pool's other connections, the candidates
 * in two halves side by side. Changes nothing in the context but its parse cache: a dry run
 * reads the next chunk while it plans this one.
 */
export async function readChunk(db: Tx, ctx: ProjectImportContext, rows: Cells[]): Promise<ChunkRead> {
  const parsed = rows.map((cells) => parsedRow(ctx, cells)).flatMap((p) => (p.ok ? [p.row] : []));
  const found = await db.project.findMany({
    where: { code: { in: parsed.map((r) => r.code) } },
    select: projectDetailSelect,
  });
  const existing = new Map(found.map((r) => [r.code, toProjectDetail(r)]));
  const inputs = new Map<string, { name: string; creditCode?: string | null }>();
  for (const r of parsed)
    if (!existing.has(r.code) && r.enterpriseName)
      inputs.set(candidateKey({ name: r.enterpriseName, creditCode: r.creditCode }), {
        name: r.enterpriseName,
        creditCode: r.creditCode,
      });
  const keys = [...inputs.keys()];
  const list = [...inputs.values()];
  const half = Math.ceil(list.length / 2);
  const pool = getDb();
  const [first, second, pairs] = await Promise.all([
    findSimilarEnterprisesMany(pool, list.slice(0, half), 3),
    findSimilarEnterprisesMany(pool, list.slice(half), 3),
    ctx.jobId ? relatedNames(pool, list) : null,
  ]);
  const candidates = [...first.candidates, ...second.candidates];
  const related = pairs && new Map(keys.map((k) => [k, new Set<string>()]));
  for (const [a, b] of pairs ?? []) {
    related!.get(keys[a])!.add(keys[b]);
    related!.get(keys[b])!.add(keys[a]);
  }
  return { existing, candidates: new Map(keys.map((k, i) => [k, candidates[i]])), related };
}

/** Starts a chunk in the context with what readChunk read for it. */
export function startChunk(ctx: ProjectImportContext, read: ChunkRead) {
  Object.assign(ctx, read);
  ctx.chunkEnterprises = [];
  ctx.writtenKeys = new Set();
  ctx.imported = [];
}

/**
 * Whether the enterprise a new row names may be one the chunk has written (so that it must
 * be read again): one of its candidates was linked, or it may match a row's new one.
 */
function mayMatchWritten(ctx: ProjectImportContext, key: string, pre: Candidate[]) {
  if (!ctx.chunkEnterprises.length) return false;
  if (!ctx.related) return true;
  if (ctx.writtenKeys.has(key) || pre.some((c) => ctx.chunkEnterprises.includes(c.id))) return true;
  for (const k of ctx.related.get(key) ?? []) if (ctx.writtenKeys.has(k)) return true;
  return false;
}

/**
 * Whether the new projects still waiting (deferred) must be written before this row is
 * planned: its enterprise may be one of theirs (it would see it, or their projects on it), or
 * it changes an existing project's enterprise (whose rule counts the projects on it).
 */
export function mustWriteBefore(ctx: ProjectImportContext, cells: Cells): boolean {
  if (!ctx.deferred.length) return false;
  const parsed = parsedRow(ctx, cells);
  if (!parsed.ok) return false;
  const row = parsed.row;
  const current = ctx.existing.get(row.code);
  if (current)
    return (
      (row.enterpriseName !== undefined && row.enterpriseName !== current.enterpriseName) ||
      (row.creditCode !== undefined && row.creditCode !== current.creditCode)
    );
  if (!row.enterpriseName) return false;
  const key = candidateKey({ name: row.enterpriseName, creditCode: row.creditCode });
  const pre = ctx.candidates.get(key);
  const related = ctx.related?.get(key);
  if (!pre || !related) return true;
  return ctx.deferred.some(
    (d) =>
      d.key === key ||
      related.has(d.key) ||
      (d.plan.enterpriseId !== null && pre.some((c) => c.id === d.plan.enterpriseId)),
  );
}

/** The row just done: what it wrote is kept (its savepoint released) or was rolled back. */
export function settleRow(ctx: ProjectImportContext, kept: boolean) {
  if (kept) {
    ctx.chunkEnterprises.push(...ctx.pending.enterprises.filter((id) => !ctx.chunkEnterprises.includes(id)));
    for (const k of ctx.pending.keys) ctx.writtenKeys.add(k);
    ctx.imported.push(...ctx.pending.imported);
    ctx.created.push(...ctx.pending.created);
  }
  ctx.pending = { enterprises: [], keys: [], imported: [], created: [] };
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
  cells: Cells,
): Promise<{ outcome: RowOutcome; plan: ProjectPlan }> {
  const parsed = parsedRow(ctx, cells);
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
      : (
          await findSimilarEnterprisesMany(db, [input], 3, {
            among: mayMatchWritten(ctx, candidateKey(input), pre) ? ctx.chunkEnterprises : [],
            also: [pre],
          })
        ).matches[0];
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

/** A commit writes a plan later, with others (writeDeferred): a new project whose enterprise is new, or linked as it is. */
export function defers(ctx: ProjectImportContext, plan: ProjectPlan): plan is CreatePlan {
  return !!ctx.jobId && plan.action === "create" && !willTouchCreated(plan);
}

export function deferCreate(ctx: ProjectImportContext, row: number, plan: CreatePlan) {
  ctx.deferred.push({
    row,
    key: candidateKey({ name: plan.row.enterpriseName!, creditCode: plan.row.creditCode }),
    plan,
  });
}

/**
 * Writes the deferred new projects and their new enterprises, two statements for all, under a
 * savepoint of their own (outside any row's). Should the database refuse any of them (a code
 * or credit code someone else took meanwhile, a rule only it knows), nothing of them is left and
 * they are returned, to be written one by one as any other row (applyProjectPlan) so that each
 * refusal is its row's alone; null when written.
 */
export async function writeDeferred(tx: Tx, ctx: ProjectImportContext): Promise<DeferredCreate[] | null> {
  const list = ctx.deferred;
  ctx.deferred = [];
  if (!list.length) return null;
  await tx.$executeRawUnsafe("savepoint import_deferred");
  try {
    const linkedIds = [...new Set(list.flatMap((d) => (d.plan.enterpriseId ? [d.plan.enterpriseId] : [])))];
    // A linked enterprise as it is now (its name is the project's copy).
    const linked = new Map(
      (await tx.enterprise.findMany({ where: { id: { in: linkedIds } }, select: { id: true, name: true } })).map(
        (e) => [e.id, e.name],
      ),
    );
    if (linked.size !== linkedIds.length) throw new Error("a linked enterprise is gone");
    const fresh = list.filter((d) => !d.plan.enterpriseId);
    const newIds = fresh.map(() => randomUUID());
    await tx.enterprise.createMany({
      data: fresh.map((d, i) => ({
        id: newIds[i],
        ...nameColumns(d.plan.row.enterpriseName!),
        creditCode: d.plan.row.creditCode ?? null,
      })),
    });
    const enterpriseOf = new Map(fresh.map((d, i) => [d, { id: newIds[i], name: d.plan.row.enterpriseName! }]));
    const projects = list.map((d) => {
      const enterprise = enterpriseOf.get(d) ?? { id: d.plan.enterpriseId!, name: linked.get(d.plan.enterpriseId!)! };
      return { d, enterprise, id: randomUUID(), dates: stageDates(d.plan) };
    });
    await tx.project.createMany({
      data: projects.map((p) => ({ id: p.id, ...projectData(p.d.plan, p.enterprise, p.dates) })),
    });
    await tx.$executeRawUnsafe("release savepoint import_deferred");
    for (const p of projects) {
      if (!ctx.chunkEnterprises.includes(p.enterprise.id)) ctx.chunkEnterprises.push(p.enterprise.id);
      ctx.writtenKeys.add(p.d.key);
      ctx.created.push(createdEntry(ctx, p.d.plan, p.id, p.dates));
      ctx.imported.push({ projectId: p.id, action: "CREATE" });
    }
    return null;
  } catch {
    // Nothing of them is left; the caller writes them one by one and reports each refusal.
    await tx.$executeRawUnsafe("rollback to savepoint import_deferred; release savepoint import_deferred");
    return list;
  }
}

/**
 * The date each stage on the way to the plan's stage was entered: its date column, else the
 * next dated stage's, else now; never later than the stage after it (a millisecond apart
 * keeps the order).
 */
function stageDates(plan: CreatePlan) {
  const path = pipelineStages.slice(0, pipelineStages.indexOf(plan.stage as (typeof pipelineStages)[number]) + 1);
  const dates: Date[] = [];
  let next = new Date();
  for (let i = path.length - 1; i >= 0; i--) {
    const k = stageDate[path[i]];
    const own = k ? (plan.row[k] as Date | undefined) : undefined;
    const d = own && own.getTime() < next.getTime() ? own : next;
    dates[i] = new Date(d.getTime() - (own ? 0 : 1));
    next = dates[i];
  }
  return { path, dates };
}

/** The new project's columns. */
function projectData(
  plan: CreatePlan,
  enterprise: { id: string; name: string },
  { path, dates }: ReturnType<typeof stageDates>,
) {
  const { row } = plan;
  return {
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
    stageEnteredAt: dates[path.indexOf(plan.stage as (typeof pipelineStages)[number])],
    signingDate: row.signingDate ?? null,
    contractInvestment: row.contractInvestment ?? null,
    registrationDate: row.registrationDate ?? null,
    plannedStartDate: row.plannedStartDate ?? null,
    constructionDate: row.constructionDate ?? null,
    completionDate: row.completionDate ?? null,
    productionDate: row.productionDate ?? null,
  };
}

/** The stage history a project at this stage would have: one first entry per stage on the way (written by flushCreated). */
function createdEntry(
  ctx: ProjectImportContext,
  plan: CreatePlan,
  projectId: string,
  { path, dates }: ReturnType<typeof stageDates>,
): CreatedProject {
  return {
    projectId,
    history: path.map((s, i) => ({
      projectId,
      from: i === 0 ? null : path[i - 1],
      to: s,
      actorId: ctx.actor.id,
      note: "批量导入",
      override: plan.override && s === "CONSTRUCTION",
      at: dates[i],
    })),
  };
}

async function createImported(tx: Tx, ctx: ProjectImportContext, plan: CreatePlan) {
  const { row } = plan;
  const enterprise = await resolveEnterprise(tx, ctx.actor, {
    name: row.enterpriseName!,
    creditCode: row.creditCode,
    enterpriseId: plan.enterpriseId,
  });
  ctx.pending.enterprises.push(enterprise.id);
  ctx.pending.keys.push(candidateKey({ name: row.enterpriseName!, creditCode: row.creditCode }));
  const dates = stageDates(plan);
  // Only its id now: its history and audit row follow with the chunk's (flushCreated).
  const project = await tx.project
    .create({ data: projectData(plan, enterprise, dates), select: { id: true } })
    .catch((err: unknown) => {
      // The chunk found no project of this code when it started: one created since by someone else.
      if ((err as { code?: string }).code === "P2002")
        throw new AppError("DUPLICATE", { fields: { code: "validation.projectCodeTaken" } });
      throw err;
    });
  ctx.pending.created.push(createdEntry(ctx, plan, project.id, dates));
  ctx.pending.imported.push({ projectId: project.id, action: "CREATE" });
}
