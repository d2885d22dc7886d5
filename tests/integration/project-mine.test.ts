// 只看我的 (mine) and 未跟进 (stalled) on the project list: the grid, its export and the API
// read the same query; STAFF open the grid on their own projects, the API still lists all.
import ExcelJS from "exceljs";
import { getDb } from "../../lib/db";
import { exportProjects } from "../../lib/projects/export";
import { xlsxBytes } from "../../lib/exports/xlsx-table";
import { listProjects, withDefaultView } from "../../lib/projects/queries";
import { actorOf, createProject, createUser } from "../factories";

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000);

async function team() {
  const staff = await createUser({ role: "STAFF" });
  const colleague = await createUser({ role: "STAFF" });
  const leader = await createUser({ role: "LEADER" });
  const manager = await createUser({ role: "MANAGER" });
  const tag = `M${Date.now().toString(36)}`;
  const make = (n: string, ownerId: string, leaderId: string | null = null) =>
    createProject({ name: `${tag}${n}`, ownerId, leaderId });
  const own1 = await make("甲", staff.id, leader.id);
  const own2 = await make("乙", staff.id);
  const theirs = await make("丙", colleague.id, leader.id);
  const managers = await make("丁", manager.id);
  return { staff, colleague, leader, manager, tag, own1, own2, theirs, managers };
}

const names = async (actor: ReturnType<typeof actorOf>, query: Record<string, string | undefined>) =>
  (await listProjects({ actor, query: { pageSize: 200, sort: "name", order: "asc", ...query } })).items
    .map((p) => p.name)
    .sort();

describe("only mine", () => {
  it("STAFF open the grid on their own projects and see all with mine=0; the API lists all unless asked", async () => {
    const t = await team();
    const staff = actorOf(t.staff);
    expect(withDefaultView(staff, { q: t.tag })).toEqual({ q: t.tag, mine: "1" });
    expect(await names(staff, withDefaultView(staff, { q: t.tag }))).toEqual([t.own1.name, t.own2.name].sort());
    expect(await names(staff, withDefaultView(staff, { q: t.tag, mine: "0" }))).toHaveLength(4);
    // The API's default is unchanged: every project the reader may see.
    expect(await names(staff, { q: t.tag })).toHaveLength(4);
  });

  it("means the led projects for a LEADER and owned or led ones for a MANAGER; neither is filtered by default", async () => {
    const t = await team();
    const leader = actorOf(t.leader);
    const manager = actorOf(t.manager);
    expect(withDefaultView(leader, { q: t.tag })).toEqual({ q: t.tag });
    expect(withDefaultView(manager, { q: t.tag })).toEqual({ q: t.tag });
    expect(await names(leader, { q: t.tag, mine: "1" })).toEqual([t.own1.name, t.theirs.name].sort());
    expect(await names(manager, { q: t.tag, mine: "1" })).toEqual([t.managers.name]);
  });

  it("the export holds the same projects as the grid's view", async () => {
    const t = await team();
    const staff = actorOf(t.staff);
    const file = await exportProjects({ actor: staff, query: withDefaultView(staff, { q: t.tag }), locale: "zh-CN" });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await xlsxBytes(file.body)) as never);
    const sheet = book.worksheets[0];
    // Title, filters (只看我的 named among them), header; then the projects, then 合计.
    expect(String(sheet.getRow(2).getCell(1).value)).toContain("只看我的");
    expect(sheet.getRow(sheet.rowCount).getCell(1).value).toBe("合计");
    const exported = [];
    for (let r = 4; r < sheet.rowCount; r++) exported.push(sheet.getRow(r).getCell(2).value);
    expect(exported.sort()).toEqual([t.own1.name, t.own2.name].sort());
    expect(file.count).toBe(2);
  });

  it("stalled: at work, older than the days given, without an activity since", async () => {
    const t = await team();
    const db = getDb();
    const staff = actorOf(t.staff);
    // own1: old, no activity → stalled; own2: old, an activity 5 days ago → not; theirs: new → not;
    // managers': old but terminated → at rest, not stalled.
    await db.project.updateMany({
      where: { id: { in: [t.own1.id, t.own2.id, t.managers.id] } },
      data: { createdAt: daysAgo(90) },
    });
    await db.project.update({ where: { id: t.managers.id }, data: { stage: "TERMINATED" } });
    await db.projectActivity.create({
      data: { projectId: t.own2.id, type: "CALL", date: daysAgo(5), notes: "回访", createdById: t.staff.id },
    });
    await db.projectActivity.create({
      data: { projectId: t.own1.id, type: "CALL", date: daysAgo(45), notes: "早先的电话", createdById: t.staff.id },
    });
    expect(await names(staff, { q: t.tag, stalled: "30" })).toEqual([t.own1.name]);
    expect(await names(staff, { q: t.tag, stalled: "60" })).toEqual([]);
    await expect(listProjects({ actor: staff, query: { stalled: "0" } })).rejects.toMatchObject({ code: "VALIDATION" });
  });
});
