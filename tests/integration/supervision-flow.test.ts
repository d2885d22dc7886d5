// 督查督办 across its parts, through the use-cases people call: a plan and the progress saved
// against it colour the project in the same request, and a project turning RED reaches the
// bureau's group robot as 企业微信 markdown.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { getDb } from "../../lib/db";
import { shanghaiToday } from "../../lib/dates";
import { deliverPendingWebhooks } from "../../lib/notifications/deliver-webhooks";
import { addProgressEntry } from "../../lib/supervision/add-progress";
import { quarterEnd } from "../../lib/supervision/plan-dates";
import { savePlan } from "../../lib/supervision/save-plan";
import { signPlan } from "../../lib/supervision/sign-plan";
import { addMonths } from "../../lib/supervision/warning-rules";
import { actorOf, createProject, createUser } from "../factories";

const today = shanghaiToday();
const year = Number(today.slice(0, 4));
const day = (d: string) => new Date(`${d}T00:00:00Z`);
const yearShare = () => {
  const jan1 = Date.UTC(year, 0, 1);
  return (
    ((Date.parse(`${today}T00:00:00Z`) - jan1) / 86_400_000 + 1) / ((Date.UTC(year + 1, 0, 1) - jan1) / 86_400_000)
  );
};

async function underDispatch(plannedStart: string) {
  const owner = await createUser({ role: "STAFF" });
  const leader = await createUser({ role: "LEADER" });
  const project = await createProject({
    name: `督办联动项目${Math.random().toString(36).slice(2, 6)}`,
    ownerId: owner.id,
    leaderId: leader.id,
    stage: "SIGNED",
  });
  await getDb().project.update({ where: { id: project.id }, data: { plannedStartDate: day(plannedStart) } });
  // The year's goal in money only (stage milestones met by SIGNED), so the colour is the start's and the money's.
  const plan = await savePlan({
    actor: actorOf(owner),
    projectId: project.id,
    year,
    input: {
      goalStage: "SIGNED",
      goalInvestment: "1000",
      leaderId: leader.id,
      milestones: [1, 2, 3, 4].map((quarter) => ({
        quarter,
        stage: "SIGNED",
        investment: "0",
        task: "前期工作",
        dueDate: quarterEnd(year, quarter),
      })),
    },
  });
  await signPlan({ actor: actorOf(leader), projectId: project.id, year, input: {} });
  return { owner, leader, project, plan };
}

const colour = (id: string) =>
  getDb().project.findUniqueOrThrow({ where: { id }, select: { warning: true, warningReasons: true } });
const codes = (reasons: unknown) => (reasons as { code: string }[]).map((r) => r.code);

describe("督查督办 across plans, progress and colours", () => {
  it("a start four months past is RED, one a month past YELLOW; progress that closes the gap turns it BLUE on save", async () => {
    const late = await underDispatch(addMonths(today, -4));
    const red = await colour(late.project.id);
    expect(red.warning).toBe("RED");
    expect(codes(red.warningReasons)).toContain("startOverdue");

    const { owner, project } = await underDispatch(addMonths(today, -1));
    const yellow = await colour(project.id);
    expect(yellow.warning).not.toBe("BLUE");
    // Nothing reported yet: behind the year's straight line as well as the start.
    expect(codes(yellow.warningReasons)).toEqual(expect.arrayContaining(["startOverdue"]));

    // The start is set and the year's money reported on the line: BLUE in the same request.
    await getDb().project.update({ where: { id: project.id }, data: { plannedStartDate: day(`${year + 1}-03-01`) } });
    const onLine = Math.ceil(1000 * yearShare());
    await addProgressEntry({
      actor: actorOf(owner),
      projectId: project.id,
      input: { date: today, investmentCompleted: String(onLine), note: "土地出让金已缴纳" },
    });
    const after = await colour(project.id);
    expect([after.warning, codes(after.warningReasons)]).toEqual(["BLUE", []]);
    const history = await getDb().warningChange.findMany({ where: { projectId: project.id }, orderBy: { at: "asc" } });
    expect(history.at(-1)).toMatchObject({ to: "BLUE", source: "COMPUTED", byId: owner.id });

    // A month past with the money on the line: YELLOW for the start alone.
    await getDb().project.update({ where: { id: project.id }, data: { plannedStartDate: day(addMonths(today, -1)) } });
    await addProgressEntry({
      actor: actorOf(owner),
      projectId: project.id,
      input: { date: today, investmentCompleted: String(onLine), note: "方案设计" },
    });
    const again = await colour(project.id);
    expect([again.warning, codes(again.warningReasons)]).toEqual(["YELLOW", ["startOverdue"]]);
  });

  it("a project turning RED reaches the bureau's 企业微信 robot as markdown naming it", async () => {
    const received: Record<string, unknown>[] = [];
    const server = http.createServer((req, res) => {
      let data = "";
      req.on("data", (c) => (data += c));
      req.on("end", () => {
        received.push(JSON.parse(data));
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ errcode: 0, errmsg: "ok" }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/cgi-bin/webhook/send?key=flow`;
      await getDb().webhook.create({ data: { name: "招商局工作群", kind: "WECOM", url, events: ["warningRed"] } });
      const { project } = await underDispatch(addMonths(today, -5));
      expect((await colour(project.id)).warning).toBe("RED");
      const sent = await deliverPendingWebhooks();
      expect(sent.sent).toBeGreaterThanOrEqual(1);
      const body = received.find((b) => JSON.stringify(b).includes(project.name)) as
        { msgtype: string; markdown: { content: string } } | undefined;
      expect(body?.msgtype).toBe("markdown");
      expect(body?.markdown.content).toContain(project.name);
      expect(body?.markdown.content).toContain("红色预警");
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
