// 签约周 through the API routes on PostgreSQL: events (only MANAGER/ADMIN change them), the
// proposal rule (NEGOTIATING with a NEGOTIATION activity in the last 60 days: 59 days ago in,
// 61 days ago out), candidates by hand (422 when not NEGOTIATING), confirm/remove with the
// event's version (409 when stale), the summary counting the projects signed within the dates,
// the .xlsx export, the source channel 签约周 offered at signing, and the demo seeds.
import { GET as listRoute, POST as createRoute } from "../../app/api/v1/signing-weeks/route";
import { GET as getRoute, PATCH as patchRoute } from "../../app/api/v1/signing-weeks/[id]/route";
import { POST as addRoute } from "../../app/api/v1/signing-weeks/[id]/candidates/route";
import {
  DELETE as removeRoute,
  PATCH as confirmRoute,
} from "../../app/api/v1/signing-weeks/[id]/candidates/[projectId]/route";
import { GET as proposalRoute } from "../../app/api/v1/signing-weeks/[id]/proposal/route";
import { GET as exportRoute } from "../../app/api/v1/signing-weeks/[id]/export/route";
import { POST as transitionRoute } from "../../app/api/v1/projects/[id]/transitions/route";
import { shanghaiToday, storedDate } from "../../lib/dates";
import { getDb } from "../../lib/db";
import { seedSigningWeek, SEEDED_SIGNING_WEEK } from "../../prisma/seed-signing-week";
import { seedIncentives, FIXED_ASSET_MEASURE } from "../../prisma/seed-incentives";
import { apiRequest, callRoute as call, createProject, createUser, routeParams, sessionCookie } from "../factories";

type Who = "manager" | "admin" | "staff" | "leader" | "approver";
const cookie = {} as Record<Who, string>;
const uniq = () => `${Date.now()}${Math.floor(Math.random() * 1e6)}`;
const daysAgo = (n: number) => new Date(storedDate(shanghaiToday()).getTime() - n * 86_400_000);

async function negotiating(lastNegotiationDaysAgo: number | null) {
  const p = await createProject({ stage: "NEGOTIATING" });
  if (lastNegotiationDaysAgo !== null)
    await getDb().projectActivity.create({
      data: {
        projectId: p.id,
        type: "NEGOTIATION",
        date: daysAgo(lastNegotiationDaysAgo),
        notes: "洽谈",
        createdById: p.ownerId,
      },
    });
  return p.id;
}

async function signedOn(day: string, investment: string) {
  const p = await createProject({ stage: "SIGNED", totalInvestment: investment });
  await getDb().project.update({
    where: { id: p.id },
    data: { signingDate: storedDate(day), contractInvestment: investment },
  });
  return p.id;
}

describe("signing weeks", () => {
  let id = "";
  let version = 1;
  // A week of its own, far from every other test's dates.
  const week = { start: "2031-03-10", end: "2031-03-14" };
  const p = { recent: "", old: "", none: "", lead: "", inWeek1: "", inWeek2: "", before: "", after: "" };

  beforeAll(async () => {
    for (const role of ["manager", "admin", "staff", "leader", "approver"] as const)
      cookie[role] = await sessionCookie(await createUser({ role: role.toUpperCase() as never }));
    p.recent = await negotiating(59);
    p.old = await negotiating(61);
    p.none = await negotiating(null);
    p.lead = (await createProject({ stage: "LEAD" })).id;
    p.inWeek1 = await signedOn(week.start, "12000.00");
    p.inWeek2 = await signedOn(week.end, "3000.50");
    p.before = await signedOn("2031-03-09", "99999.00");
    p.after = await signedOn("2031-03-15", "99999.00");
  });

  it("a manager creates an event (201); others may not (403); bad dates are 400 with the field", async () => {
    for (const who of ["staff", "leader", "approver"] as const) {
      const res = await call(createRoute, "/api/v1/signing-weeks", {
        method: "POST",
        cookie: cookie[who],
        body: { name: `越权${uniq()}`, startDate: week.start, endDate: week.end },
      });
      expect([who, res.status]).toEqual([who, 403]);
    }
    const bad = await call(createRoute, "/api/v1/signing-weeks", {
      method: "POST",
      cookie: cookie.manager,
      body: { name: `倒序${uniq()}`, startDate: week.end, endDate: week.start },
    });
    expect([bad.status, Object.keys(bad.body.error.fields)]).toEqual([400, ["endDate"]]);
    const res = await call(createRoute, "/api/v1/signing-weeks", {
      method: "POST",
      cookie: cookie.manager,
      body: { name: `春季签约周${uniq()}`, startDate: week.start, endDate: week.end },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ startDate: week.start, endDate: week.end, version: 1 });
    id = res.body.id;
    version = res.body.version;
    const list = await call(listRoute, "/api/v1/signing-weeks", { cookie: cookie.staff });
    expect(list.body.items.find((w: { id: string }) => w.id === id).signedCount).toBe(2);
    expect((await call(listRoute, "/api/v1/signing-weeks", { cookie: cookie.approver })).status).toBe(403);
  });

  it("proposes NEGOTIATING projects negotiated in the last 60 days: 59 days ago in, 61 out", async () => {
    const res = await call(proposalRoute, "/x", { cookie: cookie.manager, id });
    expect(res.status).toBe(200);
    const ids = res.body.items.map((i: { projectId: string }) => i.projectId);
    expect(ids).toContain(p.recent);
    expect(ids).not.toContain(p.old);
    expect(ids).not.toContain(p.none);
    expect(ids).not.toContain(p.lead);
  });

  it("adds candidates: 422 for a project not NEGOTIATING, 409 with a stale version; others 403", async () => {
    const add = (who: Who, projectId: string, v: number, proposed?: boolean) =>
      call(addRoute, "/x", { method: "POST", cookie: cookie[who], id, body: { projectId, version: v, proposed } });
    const lead = await add("manager", p.lead, version);
    expect([lead.status, lead.body.error.code]).toEqual([422, "RULE_SIGNING_WEEK_NOT_NEGOTIATING"]);
    const signed = await add("manager", p.inWeek1, version);
    expect(signed.body.error.code).toBe("RULE_SIGNING_WEEK_NOT_NEGOTIATING");
    for (const who of ["staff", "leader", "approver"] as const)
      expect([who, (await add(who, p.old, version)).status]).toEqual([who, 403]);
    const proposed = await add("manager", p.recent, version, true);
    expect(proposed.status).toBe(201);
    version = proposed.body.version;
    expect((await add("manager", p.old, version - 1)).status).toBe(409);
    const byHand = await add("admin", p.old, version);
    expect(byHand.status).toBe(201);
    version = byHand.body.version;
    const again = await add("manager", p.old, version);
    expect(again.body.error.code).toBe("RULE_SIGNING_WEEK_ALREADY_CANDIDATE");
    const proposal = await call(proposalRoute, "/x", { cookie: cookie.manager, id });
    expect(proposal.body.items.map((i: { projectId: string }) => i.projectId)).not.toContain(p.recent);
  });

  it("confirms and removes candidates with the event's version", async () => {
    const stale = await call(confirmRoute, "/x", {
      method: "PATCH",
      cookie: cookie.manager,
      body: { confirmed: true, version: version - 1 },
      id,
    });
    expect(stale.status).toBe(409);
    const confirm = await confirmRoute(
      apiRequest("/x", { method: "PATCH", cookie: cookie.manager, body: { confirmed: true, version } }),
      routeParams({ id, projectId: p.recent }) as never,
    );
    expect(confirm.status).toBe(200);
    version = (await confirm.json()).version;
    const denied = await removeRoute(
      apiRequest("/x", { method: "DELETE", cookie: cookie.staff, body: { version } }),
      routeParams({ id, projectId: p.old }) as never,
    );
    expect(denied.status).toBe(403);
    const removed = await removeRoute(
      apiRequest("/x", { method: "DELETE", cookie: cookie.manager, body: { version } }),
      routeParams({ id, projectId: p.old }) as never,
    );
    expect(removed.status).toBe(200);
    version = (await removed.json()).version;
    const got = await call(getRoute, "/x", { cookie: cookie.leader, id });
    expect(
      got.body.candidates.map((c: { projectId: string; confirmed: boolean; manual: boolean }) => [
        c.projectId,
        c.confirmed,
        c.manual,
      ]),
    ).toEqual([[p.recent, true, false]]);
    const audit = await getDb().auditLog.findMany({
      where: { entityId: id },
      select: { action: true },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual([
      "create",
      "candidateAdd",
      "candidateAdd",
      "candidateConfirm",
      "candidateRemove",
    ]);
  });

  it("the summary counts the projects signed within the dates (ends included), with their investment", async () => {
    const res = await call(getRoute, "/x", { cookie: cookie.staff, id });
    expect(res.status).toBe(200);
    const s = res.body.summary;
    expect(s.count).toBe(2);
    expect(s.projects.map((x: { id: string }) => x.id).sort()).toEqual([p.inWeek1, p.inWeek2].sort());
    // 12,000.00 + 3,000.50 = 15,000.50 万元.
    expect(s.investment).toBe("15000.50");
    expect(s.byIndustry.reduce((n: number, g: { count: number }) => n + g.count, 0)).toBe(2);
    expect(s.byChain).toEqual([{ id: null, name: null, count: 2, investment: "15000.50" }]);
    expect((await call(getRoute, "/x", { cookie: cookie.approver, id })).status).toBe(403);
    const file = await exportRoute(apiRequest("/x", { cookie: cookie.manager }), routeParams({ id }) as never);
    expect(file.status).toBe(200);
    expect(file.headers.get("content-disposition")).toContain(".xlsx");
  });

  it("PATCH moves the dates (409 when stale; 403 for staff), and the summary follows", async () => {
    expect(
      (
        await call(patchRoute, "/x", {
          method: "PATCH",
          cookie: cookie.staff,
          id,
          body: { endDate: "2031-03-15", version },
        })
      ).status,
    ).toBe(403);
    expect(
      (
        await call(patchRoute, "/x", {
          method: "PATCH",
          cookie: cookie.manager,
          id,
          body: { endDate: "2031-03-15", version: 99 },
        })
      ).status,
    ).toBe(409);
    const res = await call(patchRoute, "/x", {
      method: "PATCH",
      cookie: cookie.manager,
      id,
      body: { endDate: "2031-03-15", version },
    });
    expect(res.status).toBe(200);
    version = res.body.version;
    expect((await call(getRoute, "/x", { cookie: cookie.manager, id })).body.summary.count).toBe(3);
  });

  it("signing offers 签约周 as source channel only within an event's dates", async () => {
    const today = shanghaiToday();
    const event = await call(createRoute, "/api/v1/signing-weeks", {
      method: "POST",
      cookie: cookie.manager,
      body: { name: `本周签约${uniq()}`, startDate: today, endDate: today },
    });
    expect(event.status).toBe(201);
    const move = async (projectId: string, body: Record<string, unknown>) =>
      call(transitionRoute, "/x", { method: "POST", cookie: cookie.manager, id: projectId, body });
    const a = await negotiating(3);
    const ok = await move(a, {
      to: "SIGNED",
      signingDate: today,
      contractInvestment: "5000",
      sourceChannel: "SIGNING_WEEK",
    });
    expect(ok.status).toBe(200);
    expect(ok.body.sourceChannel).toBe("SIGNING_WEEK");
    const b = await negotiating(3);
    const outside = await move(b, {
      to: "SIGNED",
      signingDate: "2020-01-02",
      contractInvestment: "5000",
      sourceChannel: "SIGNING_WEEK",
    });
    expect([outside.status, Object.keys(outside.body.error.fields)]).toEqual([400, ["sourceChannel"]]);
    const notSigning = await move(b, { to: "LEAD", note: "退回", sourceChannel: "PROFESSIONAL" });
    expect([notSigning.status, Object.keys(notSigning.body.error.fields ?? {})]).toEqual([400, ["sourceChannel"]]);
    const plain = await move(b, { to: "SIGNED", signingDate: "2020-01-02", contractInvestment: "5000" });
    expect(plain.status).toBe(200);
    expect(plain.body.sourceChannel).toBe("PROFESSIONAL");
  });

  it("the seeds: the autumn event with its 签约周 signings confirmed and two proposals; measures and grants; idempotent", async () => {
    const db = getDb();
    if (!(await db.user.findUnique({ where: { username: "manager" } })))
      await createUser({ role: "MANAGER", username: "manager" } as never);
    const ours = await signedOn("2026-09-23", "20000.00");
    await db.project.update({
      where: { id: ours },
      data: { sourceChannel: "SIGNING_WEEK", fixedAssetInvestment: "15000.00" },
    });
    await seedSigningWeek(db);
    await seedSigningWeek(db);
    await seedIncentives(db);
    await seedIncentives(db);
    const event = await db.signingWeek.findUniqueOrThrow({
      where: { name: SEEDED_SIGNING_WEEK.name },
      include: { candidates: true },
    });
    expect(event.candidates.filter((c) => c.projectId === ours)).toMatchObject([{ confirmed: true }]);
    expect(event.candidates.filter((c) => !c.confirmed).length).toBe(2);
    expect(await db.incentiveMeasure.count({ where: { name: FIXED_ASSET_MEASURE } })).toBe(1);
    // 15,000 万元 → 2.5% = 375.00 over 3 years from 2026 (125.00 each); 2026's on 20 December, if past.
    const grants = await db.incentiveGrant.findMany({ where: { projectId: ours } });
    expect(grants.length).toBe(shanghaiToday() >= "2026-12-20" ? 1 : 0);
  });
});
