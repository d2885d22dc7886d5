import "server-only";
import Decimal from "decimal.js";
import { getDb, type Tx } from "../db";
import { writeAudit } from "../audit/log";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { isoDate, shanghaiToday, storedDate } from "../dates";
import { assertVersion, lockRow } from "../locks";
import { withVisibleProjects } from "../projects/visibility";
import { parseInput } from "../validation";
import {
  addCandidateSchema,
  confirmCandidateSchema,
  patchSigningWeekSchema,
  removeCandidateSchema,
  signingWeekSchema,
} from "./schemas";

// 签约周 (SPEC §7): an event with dates; candidates (proposed by the rule or picked by hand,
// then confirmed); every project signed within the event's dates counts for it. Read by the
// bureau (signingWeek.read), changed by MANAGER and ADMIN (signingWeek.manage), audited.

/** The proposal rule: NEGOTIATING with a NEGOTIATION activity within this many days (today included). */
export const PROPOSAL_DAYS = 60;

const eventSelect = {
  id: true,
  name: true,
  startDate: true,
  endDate: true,
  note: true,
  version: true,
  createdAt: true,
  _count: { select: { candidates: true } },
} as const;

type EventRow = {
  id: string;
  name: string;
  startDate: Date;
  endDate: Date;
  note: string | null;
  version: number;
  createdAt: Date;
  _count: { candidates: number };
};

const eventView = (e: EventRow) => ({
  id: e.id,
  name: e.name,
  startDate: isoDate(e.startDate)!,
  endDate: isoDate(e.endDate)!,
  note: e.note,
  version: e.version,
  candidateCount: e._count.candidates,
});
export type SigningWeekView = ReturnType<typeof eventView>;

/** Every event, the latest first, with the number of projects signed within its dates. */
export async function listSigningWeeks({ actor }: { actor: Actor }) {
  assertCan(actor, "signingWeek.read");
  const db = getDb();
  const rows = await db.signingWeek.findMany({
    select: eventSelect,
    orderBy: [{ startDate: "desc" }, { name: "asc" }],
  });
  const counts = rows.length
    ? await db.$queryRawUnsafe<{ id: string; n: bigint }[]>(
        `select w.id, count(p.id) as n from signing_weeks w
         left join projects p on p."signingDate" between w."startDate" and w."endDate"
         group by w.id`,
      )
    : [];
  const signed = new Map(counts.map((c) => [c.id, Number(c.n)]));
  return { items: rows.map((r) => ({ ...eventView(r), signedCount: signed.get(r.id) ?? 0 })) };
}

async function assertNameFree(tx: Tx, name: string, id?: string) {
  const other = await tx.signingWeek.findFirst({ where: { name, NOT: id ? { id } : undefined }, select: { id: true } });
  if (other)
    throw new AppError("DUPLICATE", { fields: { name: "validation.signingWeekNameTaken" }, labels: "signingWeek" });
}

export async function createSigningWeek({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "signingWeek.manage");
  const data = parseInput(signingWeekSchema, input);
  return getDb().$transaction(async (tx) => {
    await assertNameFree(tx, data.name);
    const row = await tx.signingWeek.create({
      data: {
        name: data.name,
        startDate: data.startDate,
        endDate: data.endDate,
        note: data.note ?? null,
        createdById: actor.id,
      },
      select: eventSelect,
    });
    const view = eventView(row);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "SigningWeek",
      entityId: row.id,
      action: "create",
      after: auditOf(view),
    });
    return view;
  });
}

const auditOf = (v: SigningWeekView) => ({ name: v.name, startDate: v.startDate, endDate: v.endDate, note: v.note });

async function lockEvent(tx: Tx, id: string, version: number) {
  if (!(await lockRow(tx, "signing_weeks", id))) throw new AppError("NOT_FOUND");
  const row = await tx.signingWeek.findUniqueOrThrow({ where: { id }, select: eventSelect });
  assertVersion(row.version, version);
  return row;
}

export async function updateSigningWeek({ actor, id, input }: { actor: Actor; id: string; input: unknown }) {
  assertCan(actor, "signingWeek.manage");
  const data = parseInput(patchSigningWeekSchema, input);
  return getDb().$transaction(async (tx) => {
    const before = eventView(await lockEvent(tx, id, data.version));
    const startDate = data.startDate ?? storedDate(before.startDate);
    const endDate = data.endDate ?? storedDate(before.endDate);
    if (endDate < startDate)
      throw new AppError("VALIDATION", { fields: { endDate: "validation.signingWeekDates" }, labels: "signingWeek" });
    if (data.name && data.name !== before.name) await assertNameFree(tx, data.name, id);
    const row = await tx.signingWeek.update({
      where: { id },
      data: { name: data.name, startDate, endDate, note: data.note, version: { increment: 1 } },
      select: eventSelect,
    });
    const after = eventView(row);
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "SigningWeek",
      entityId: id,
      action: "update",
      before: auditOf(before),
      after: auditOf(after),
    });
    return after;
  });
}

const candidateProject = {
  id: true,
  code: true,
  name: true,
  enterpriseName: true,
  stage: true,
  signingDate: true,
  totalInvestment: true,
  contractInvestment: true,
  sourceChannel: true,
  industry: { select: { id: true, name: true } },
} as const;

/** Signed within [start, end]: counts for the event (every such project, candidate or not; SPEC §7). */
async function signedWithin(db: Tx, actor: Actor, start: Date, end: Date) {
  return db.project.findMany({
    where: withVisibleProjects(actor, { signingDate: { gte: start, lte: end } }),
    select: {
      ...candidateProject,
      links: { select: { link: { select: { chain: { select: { id: true, name: true } } } } } },
    },
    orderBy: [{ signingDate: "asc" }, { code: "asc" }],
  });
}

/** What a signed project brought: its contract investment, else its total investment (万元). */
const investmentOf = (p: {
  contractInvestment: { toFixed(n: number): string } | null;
  totalInvestment: { toFixed(n: number): string };
}) => (p.contractInvestment ?? p.totalInvestment).toFixed(2);

/**
 * GET /api/v1/signing-weeks/{id}: the event, its candidates (with their projects' stage) and
 * the summary: the projects signed within its dates (count, investment in 万元, by industry
 * and by chain — a project in two chains counts in each — and the list).
 */
export async function getSigningWeek({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "signingWeek.read");
  const db = getDb();
  const row = await db.signingWeek.findUnique({ where: { id }, select: eventSelect });
  if (!row) throw new AppError("NOT_FOUND");
  const [candidates, signed] = await Promise.all([
    db.signingWeekCandidate.findMany({
      where: { signingWeekId: id, project: withVisibleProjects(actor, {}) },
      select: { manual: true, confirmed: true, createdAt: true, project: { select: candidateProject } },
      orderBy: [{ confirmed: "desc" }, { createdAt: "asc" }],
    }),
    signedWithin(db, actor, row.startDate, row.endDate),
  ]);
  const candidateIds = new Set(candidates.map((c) => c.project.id));
  const projects = signed.map((p) => ({
    id: p.id,
    code: p.code,
    name: p.name,
    enterpriseName: p.enterpriseName,
    stage: p.stage,
    signingDate: isoDate(p.signingDate)!,
    investment: investmentOf(p),
    industry: p.industry.name,
    industryId: p.industry.id,
    chains: [...new Map(p.links.map((l) => [l.link.chain.id, l.link.chain.name])).entries()].map(([cid, name]) => ({
      id: cid,
      name,
    })),
    sourceChannel: p.sourceChannel,
    candidate: candidateIds.has(p.id),
  }));
  const group = (keyOf: (p: (typeof projects)[number]) => { id: string | null; name: string | null }[]) => {
    const m = new Map<string, { id: string | null; name: string | null; count: number; investment: Decimal }>();
    for (const p of projects)
      for (const k of keyOf(p)) {
        const g = m.get(k.id ?? "") ?? { ...k, count: 0, investment: new Decimal(0) };
        g.count += 1;
        g.investment = g.investment.plus(p.investment);
        m.set(k.id ?? "", g);
      }
    return [...m.values()]
      .sort((a, b) => b.investment.cmp(a.investment) || b.count - a.count)
      .map((g) => ({ id: g.id, name: g.name, count: g.count, investment: g.investment.toFixed(2) }));
  };
  return {
    ...eventView(row),
    candidates: candidates.map((c) => ({
      projectId: c.project.id,
      code: c.project.code,
      name: c.project.name,
      enterpriseName: c.project.enterpriseName,
      stage: c.project.stage,
      signingDate: isoDate(c.project.signingDate),
      investment: investmentOf(c.project),
      industry: c.project.industry.name,
      manual: c.manual,
      confirmed: c.confirmed,
    })),
    summary: {
      count: projects.length,
      investment: projects.reduce((s, p) => s.plus(p.investment), new Decimal(0)).toFixed(2),
      byIndustry: group((p) => [{ id: p.industryId, name: p.industry }]),
      byChain: group((p) => (p.chains.length ? p.chains : [{ id: null, name: null }])),
      projects,
    },
  };
}
export type SigningWeekDetail = Awaited<ReturnType<typeof getSigningWeek>>;

/** The day PROPOSAL_DAYS before today (Shanghai), as a stored date. */
function proposalSince(today = shanghaiToday()) {
  return new Date(storedDate(today).getTime() - PROPOSAL_DAYS * 86_400_000);
}

/**
 * GET …/proposal: NEGOTIATING projects with a NEGOTIATION activity within the last 60 days
 * (today and the 60 days before it), not yet candidates of the event; latest negotiation first.
 */
export async function signingWeekProposal({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "signingWeek.read");
  const db = getDb();
  if (!(await db.signingWeek.findUnique({ where: { id }, select: { id: true } }))) throw new AppError("NOT_FOUND");
  const since = proposalSince();
  const rows = await db.project.findMany({
    where: withVisibleProjects(actor, {
      stage: "NEGOTIATING",
      activities: { some: { type: "NEGOTIATION", date: { gte: since } } },
      signingWeeks: { none: { signingWeekId: id } },
    }),
    select: {
      ...candidateProject,
      activities: { where: { type: "NEGOTIATION" }, orderBy: { date: "desc" }, take: 1, select: { date: true } },
    },
    take: 200,
  });
  return {
    since: isoDate(since)!,
    items: rows
      .map((p) => ({
        projectId: p.id,
        code: p.code,
        name: p.name,
        enterpriseName: p.enterpriseName,
        industry: p.industry.name,
        investment: investmentOf(p),
        lastNegotiation: isoDate(p.activities[0]?.date)!,
      }))
      .sort((a, b) => b.lastNegotiation.localeCompare(a.lastNegotiation) || a.code.localeCompare(b.code)),
  };
}

/**
 * Adds a candidate (by hand, or from the proposal with `proposed: true`): the project must be
 * NEGOTIATING (else 422 RULE_SIGNING_WEEK_NOT_NEGOTIATING) and not a candidate already
 * (RULE_SIGNING_WEEK_ALREADY_CANDIDATE). Bumps the event's version.
 */
export async function addCandidate({ actor, id, input }: { actor: Actor; id: string; input: unknown }) {
  assertCan(actor, "signingWeek.manage");
  const data = parseInput(addCandidateSchema, input);
  return getDb().$transaction(async (tx) => {
    await lockEvent(tx, id, data.version);
    const project = await tx.project.findFirst({
      where: withVisibleProjects(actor, { id: data.projectId }),
      select: { id: true, name: true, stage: true },
    });
    if (!project)
      throw new AppError("VALIDATION", { fields: { projectId: "validation.projectMissing" }, labels: "signingWeek" });
    if (project.stage !== "NEGOTIATING") throw new AppError("RULE_SIGNING_WEEK_NOT_NEGOTIATING");
    const exists = await tx.signingWeekCandidate.findUnique({
      where: { signingWeekId_projectId: { signingWeekId: id, projectId: project.id } },
      select: { projectId: true },
    });
    if (exists) throw new AppError("RULE_SIGNING_WEEK_ALREADY_CANDIDATE");
    await tx.signingWeekCandidate.create({
      data: { signingWeekId: id, projectId: project.id, manual: !data.proposed, confirmed: false, addedById: actor.id },
    });
    await tx.signingWeek.update({ where: { id }, data: { version: { increment: 1 } } });
    await writeAudit(tx, {
      actorId: actor.id,
      entityType: "SigningWeek",
      entityId: id,
      action: "candidateAdd",
      after: { projectId: project.id, projectName: project.name, manual: !data.proposed },
    });
    return getSigningWeekTx(tx, actor, id);
  });
}

async function candidateOf(tx: Tx, id: string, projectId: string) {
  const c = await tx.signingWeekCandidate.findUnique({
    where: { signingWeekId_projectId: { signingWeekId: id, projectId } },
    select: { confirmed: true, project: { select: { id: true, name: true } } },
  });
  if (!c) throw new AppError("NOT_FOUND");
  return c;
}

type CandidateCall = { actor: Actor; id: string; projectId: string; input: unknown };
type CandidateRow = Awaited<ReturnType<typeof candidateOf>>;

/**
 * One change to an event's candidate, under the event's version: the event locked and its
 * version raised, the candidate changed, the audit row written; the event's header after it.
 * The caller has checked the permission and parsed its input.
 */
async function changeCandidate(
  { actor, id, projectId }: CandidateCall,
  version: number,
  change: (tx: Tx, key: { signingWeekId_projectId: { signingWeekId: string; projectId: string } }) => Promise<unknown>,
  audit: (c: CandidateRow) => { action: string; before?: object; after?: object },
) {
  return getDb().$transaction(async (tx) => {
    await lockEvent(tx, id, version);
    const c = await candidateOf(tx, id, projectId);
    await change(tx, { signingWeekId_projectId: { signingWeekId: id, projectId } });
    await tx.signingWeek.update({ where: { id }, data: { version: { increment: 1 } } });
    await writeAudit(tx, { actorId: actor.id, entityType: "SigningWeek", entityId: id, ...audit(c) });
    return getSigningWeekTx(tx, actor, id);
  });
}

/** Confirms a candidate (or takes the confirmation back), with the event's version. */
export async function confirmCandidate(call: CandidateCall) {
  assertCan(call.actor, "signingWeek.manage");
  const data = parseInput(confirmCandidateSchema, call.input);
  return changeCandidate(
    call,
    data.version,
    (tx, where) => tx.signingWeekCandidate.update({ where, data: { confirmed: data.confirmed } }),
    (c) => ({
      action: data.confirmed ? "candidateConfirm" : "candidateUnconfirm",
      after: { projectId: c.project.id, projectName: c.project.name },
    }),
  );
}

/** Removes a candidate, with the event's version. */
export async function removeCandidate(call: CandidateCall) {
  assertCan(call.actor, "signingWeek.manage");
  const data = parseInput(removeCandidateSchema, call.input);
  return changeCandidate(
    call,
    data.version,
    (tx, where) => tx.signingWeekCandidate.delete({ where }),
    (c) => ({
      action: "candidateRemove",
      before: { projectId: c.project.id, projectName: c.project.name, confirmed: c.confirmed },
    }),
  );
}

/** The event's header after a change (the page reloads the rest). */
async function getSigningWeekTx(tx: Tx, _actor: Actor, id: string) {
  return eventView(await tx.signingWeek.findUniqueOrThrow({ where: { id }, select: eventSelect }));
}

/** The events whose dates hold a signing date (the stage panel offers 签约周 then). */
export async function signingWeeksOn(db: Tx, day: Date) {
  return db.signingWeek.findMany({
    where: { startDate: { lte: day }, endDate: { gte: day } },
    select: { id: true, name: true, startDate: true, endDate: true },
    orderBy: { startDate: "asc" },
  });
}

/** Every event's dates (for the stage panel's SIGNED form to check the date as it is typed). */
export async function signingWeekRanges() {
  const rows = await getDb().signingWeek.findMany({
    select: { name: true, startDate: true, endDate: true },
    orderBy: { startDate: "desc" },
    take: 50,
  });
  return rows.map((r) => ({ name: r.name, startDate: isoDate(r.startDate)!, endDate: isoDate(r.endDate)! }));
}

/** NEGOTIATING projects not yet candidates of the event, for the add-by-hand choice (by code, at most 500). */
export async function negotiatingChoices({ actor, id }: { actor: Actor; id: string }) {
  assertCan(actor, "signingWeek.manage");
  const rows = await getDb().project.findMany({
    where: withVisibleProjects(actor, { stage: "NEGOTIATING", signingWeeks: { none: { signingWeekId: id } } }),
    select: { id: true, code: true, name: true },
    orderBy: { code: "asc" },
    take: 500,
  });
  return rows;
}
