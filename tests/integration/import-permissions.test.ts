// An import changes an existing enterprise only when the user may change it: the rule of
// the forms (canEditEnterprise: linked only to projects the user may update, or to none,
// or the user may change any enterprise). Refused rows are row errors, in the dry run and
// in the commit alike; the other rows are imported.
import { PATCH as patchProjectRoute } from "../../app/api/v1/projects/[id]/route";
import { PUT as enterpriseChainsRoute } from "../../app/api/v1/enterprises/[id]/chains/route";
import { getDb } from "../../lib/db";
import { creditCodeCheckChar } from "../../lib/enterprises/credit-code";
import { nameColumns } from "../../lib/enterprises/name-key";
import { translate } from "../../lib/i18n/translate";
import { callRoute, createIndustry, createUser, sessionCookie } from "../factories";
import { commit, dryRun, xlsx } from "../support/imports";

let serial = 100;
/** A valid 统一社会信用代码 that no other test uses. */
const creditCode = () => {
  const first = `91370211MA3E${String(serial++).padStart(5, "0")}`;
  return first + creditCodeCheckChar(first);
};

type User = Awaited<ReturnType<typeof createUser>>;

describe("imports apply the enterprise permission rule", () => {
  let staff: User;
  let otherStaff: User;
  let leader: User;
  let industryId: string;
  let industryName: string;

  beforeAll(async () => {
    staff = await createUser({ role: "STAFF" });
    otherStaff = await createUser({ role: "STAFF" });
    leader = await createUser({ role: "LEADER" });
    const industry = await createIndustry();
    industryId = industry.id;
    industryName = industry.name;
  });

  /** An enterprise and, for each owner given, a project of that owner linked to it. */
  async function enterpriseOf(name: string, owners: { ownerId: string; leaderId?: string }[], code = creditCode()) {
    const e = await getDb().enterprise.create({
      data: { ...nameColumns(name), creditCode: code || null, contact: "原联系人" },
    });
    const projects = [];
    for (const [i, o] of owners.entries())
      projects.push(
        await getDb().project.create({
          data: {
            code: `SEC-${serial++}-${i}`,
            name: `${name}项目${i}`,
            enterpriseId: e.id,
            enterpriseName: e.name,
            industryId,
            totalInvestment: "100.00",
            ownerId: o.ownerId,
            leaderId: o.leaderId ?? null,
          },
        }),
      );
    return { enterprise: e, projects };
  }

  const enterpriseHeader = ["企业名称", "统一社会信用代码", "联系方式"];
  const notYours = (name: string) => translate("zh-CN", "imports.enterpriseNotYours", { name });

  it("STAFF: the enterprise of someone else's project is refused per row; own and unlinked ones are updated", async () => {
    const theirs = await enterpriseOf("他人项目企业有限公司", [{ ownerId: otherStaff.id }]);
    const shared = await enterpriseOf("共有项目企业有限公司", [{ ownerId: staff.id }, { ownerId: otherStaff.id }]);
    const mine = await enterpriseOf("本人项目企业有限公司", [{ ownerId: staff.id }]);
    const free = await enterpriseOf("无项目企业有限公司", []);
    const untouched = await enterpriseOf("他人未改企业有限公司", [{ ownerId: otherStaff.id }]);
    const cookie = await sessionCookie(staff);
    const file = await xlsx([
      enterpriseHeader,
      ["被改名企业有限公司", theirs.enterprise.creditCode, "冒名联系人"],
      ["共有被改名企业有限公司", shared.enterprise.creditCode, ""],
      ["本人项目企业有限公司", mine.enterprise.creditCode, "新联系人"],
      ["无项目企业有限公司", free.enterprise.creditCode, "新联系人"],
      // The same facts as stored: nothing to change, so nothing to refuse.
      [untouched.enterprise.name, untouched.enterprise.creditCode, "原联系人"],
    ]);
    const dry = await dryRun(cookie, file, "e.xlsx", "ENTERPRISES");
    expect(dry).toMatchObject({ status: "DONE", updated: 2, failed: 2, unchanged: 1 });
    const byRow = Object.fromEntries(dry.rows.map((r) => [r.row, r]));
    expect(byRow[2].errors).toEqual([{ column: "", message: notYours("他人项目企业有限公司") }]);
    expect(byRow[3].errors).toEqual([{ column: "", message: notYours("共有项目企业有限公司") }]);
    expect(byRow[4]).toMatchObject({ action: "update", changes: ["联系方式"] });
    expect(byRow[5]).toMatchObject({ action: "update", changes: ["联系方式"] });
    expect(byRow[6]).toMatchObject({ action: "unchanged", errors: [] });

    const done = await commit(cookie, dry.id, { skipErrors: true });
    expect(done.job).toMatchObject({ status: "DONE", updated: 2, failed: 2, unchanged: 1 });
    for (const { enterprise, projects } of [theirs, shared]) {
      const after = await getDb().enterprise.findUniqueOrThrow({ where: { id: enterprise.id } });
      expect(after).toMatchObject({ name: enterprise.name, contact: "原联系人", version: enterprise.version });
      for (const p of projects)
        expect((await getDb().project.findUniqueOrThrow({ where: { id: p.id } })).enterpriseName).toBe(enterprise.name);
    }
    expect((await getDb().enterprise.findUniqueOrThrow({ where: { id: mine.enterprise.id } })).contact).toBe(
      "新联系人",
    );
    expect((await getDb().enterprise.findUniqueOrThrow({ where: { id: free.enterprise.id } })).contact).toBe(
      "新联系人",
    );
  });

  it("MANAGER and ADMIN may change any enterprise; a LEADER those of the projects they lead", async () => {
    const led = await enterpriseOf("分包领导企业有限公司", [{ ownerId: otherStaff.id, leaderId: leader.id }]);
    const notLed = await enterpriseOf("非分包企业有限公司", [{ ownerId: otherStaff.id }]);
    const file = (contact: string) =>
      xlsx([
        enterpriseHeader,
        [led.enterprise.name, led.enterprise.creditCode, contact],
        [notLed.enterprise.name, notLed.enterprise.creditCode, contact],
      ]);
    for (const role of ["MANAGER", "ADMIN"] as const) {
      const cookie = await sessionCookie(await createUser({ role }));
      const dry = await dryRun(cookie, await file(`${role}联系人`), "e.xlsx", "ENTERPRISES");
      expect(dry).toMatchObject({ updated: 2, failed: 0 });
      expect((await commit(cookie, dry.id)).job).toMatchObject({ updated: 2 });
    }
    expect((await getDb().enterprise.findUniqueOrThrow({ where: { id: notLed.enterprise.id } })).contact).toBe(
      "ADMIN联系人",
    );
    // Leaders do not import enterprises; the enterprise page's chain form follows the same rule.
    const cookie = await sessionCookie(leader);
    const chains = async ({ enterprise }: typeof led) => {
      const e = await getDb().enterprise.findUniqueOrThrow({ where: { id: enterprise.id } });
      const body = { linkIds: [], isChainLeader: false, isLocal: true, scale: "小型", version: e.version };
      return (await callRoute(enterpriseChainsRoute, "/x", { method: "PUT", cookie, id: e.id, body })).status;
    };
    expect(await chains(led)).toBe(200);
    expect(await chains(notLed)).toBe(403);
  });

  it("a refusal found only at commit time (the enterprise got someone else's project after the dry run) is the row's error", async () => {
    const later = await enterpriseOf("后来被关联企业有限公司", []);
    const cookie = await sessionCookie(staff);
    const dry = await dryRun(
      cookie,
      await xlsx([enterpriseHeader, ["后来被关联企业有限公司", later.enterprise.creditCode, "新联系人"]]),
      "e.xlsx",
      "ENTERPRISES",
    );
    expect(dry).toMatchObject({ updated: 1, failed: 0 });
    await enterpriseOf("他人另一企业有限公司", [{ ownerId: otherStaff.id }]);
    await getDb().project.create({
      data: {
        code: `SEC-LATE-${serial++}`,
        name: "后来的项目",
        enterpriseId: later.enterprise.id,
        enterpriseName: later.enterprise.name,
        industryId,
        totalInvestment: "1.00",
        ownerId: otherStaff.id,
      },
    });
    const done = await commit(cookie, dry.id);
    expect(done.job).toMatchObject({ status: "DONE", updated: 0, failed: 1 });
    expect(done.job!.rows[0].errors[0].message).toBe(notYours("后来被关联企业有限公司"));
    expect((await getDb().enterprise.findUniqueOrThrow({ where: { id: later.enterprise.id } })).contact).toBe(
      "原联系人",
    );
  });

  const projectHeader = ["项目编号", "项目名称", "投资企业", "统一社会信用代码", "产业", "总投资（万元）"];

  it("project import: neither an update nor a new project changes an enterprise other people's projects rely on", async () => {
    const shared = await enterpriseOf("项目导入共有企业有限公司", [{ ownerId: staff.id }, { ownerId: otherStaff.id }]);
    const theirs = await enterpriseOf("项目导入他人企业有限公司", [{ ownerId: otherStaff.id }]);
    const noCode = await enterpriseOf("项目导入无代码企业有限公司", [{ ownerId: otherStaff.id }], "");
    const myProject = shared.projects[0];
    const cookie = await sessionCookie(staff);
    const file = await xlsx([
      projectHeader,
      // My project, whose enterprise is also the enterprise of someone else's project: no rename.
      [myProject.code, "", "改名后的共有企业有限公司", "", "", ""],
      // A new project with someone else's enterprise's credit code and another name: linked, not renamed.
      ["SEC-NEW-1", "新项目一", "冒名企业有限公司", theirs.enterprise.creditCode, industryName, "10"],
      // A new project naming someone else's enterprise with a credit code it lacks: not stored on it.
      ["SEC-NEW-2", "新项目二", noCode.enterprise.name, creditCode(), industryName, "10"],
    ]);
    const dry = await dryRun(cookie, file);
    expect(dry).toMatchObject({ status: "DONE", created: 1, failed: 2 });
    const message = translate("zh-CN", "validation.enterpriseNotYours");
    expect(dry.rows.find((r) => r.row === 2)?.errors).toEqual([
      { column: "投资企业", message, value: "改名后的共有企业有限公司" },
    ]);
    expect(dry.rows.find((r) => r.row === 3)).toMatchObject({ action: "create" });
    expect(dry.rows.find((r) => r.row === 4)?.errors).toEqual([
      { column: "统一社会信用代码", message, value: expect.stringMatching(/^[0-9A-Z]{18}$/) },
    ]);

    const done = await commit(cookie, dry.id, { skipErrors: true });
    expect(done.job).toMatchObject({ status: "DONE", created: 1, failed: 2 });
    expect((await getDb().enterprise.findUniqueOrThrow({ where: { id: shared.enterprise.id } })).name).toBe(
      shared.enterprise.name,
    );
    expect((await getDb().project.findUniqueOrThrow({ where: { id: shared.projects[1].id } })).enterpriseName).toBe(
      shared.enterprise.name,
    );
    const created = await getDb().project.findUniqueOrThrow({ where: { code: "SEC-NEW-1" } });
    expect(created).toMatchObject({ enterpriseId: theirs.enterprise.id, enterpriseName: theirs.enterprise.name });
    expect(await getDb().enterprise.findUniqueOrThrow({ where: { id: theirs.enterprise.id } })).toMatchObject({
      name: theirs.enterprise.name,
      version: theirs.enterprise.version,
    });
    expect((await getDb().enterprise.findUniqueOrThrow({ where: { id: noCode.enterprise.id } })).creditCode).toBeNull();
  });

  it("the forms: renaming a shared enterprise through one's own project, or setting its chains, is refused", async () => {
    const shared = await enterpriseOf("表单共有企业有限公司", [{ ownerId: staff.id }, { ownerId: otherStaff.id }]);
    const cookie = await sessionCookie(staff);
    const mine = shared.projects[0];
    const patch = await callRoute(patchProjectRoute, `/api/v1/projects/${mine.id}`, {
      method: "PATCH",
      cookie,
      id: mine.id,
      body: { enterpriseName: "表单改名企业有限公司", version: mine.version },
    });
    expect(patch.status).toBe(403);
    expect(patch.body.error.fields).toEqual({ enterpriseName: translate("zh-CN", "validation.enterpriseNotYours") });
    // Other fields of one's own project still save.
    const ok = await callRoute(patchProjectRoute, `/api/v1/projects/${mine.id}`, {
      method: "PATCH",
      cookie,
      id: mine.id,
      body: { name: "改了项目名", enterpriseName: shared.enterprise.name, version: mine.version },
    });
    expect(ok.status).toBe(200);
    expect((await getDb().enterprise.findUniqueOrThrow({ where: { id: shared.enterprise.id } })).name).toBe(
      shared.enterprise.name,
    );

    const chains = await callRoute(enterpriseChainsRoute, "/x", {
      method: "PUT",
      cookie,
      id: shared.enterprise.id,
      body: { linkIds: [], isChainLeader: true, isLocal: true, scale: "大型", version: shared.enterprise.version },
    });
    expect(chains.status).toBe(403);
    const free = await enterpriseOf("表单无项目企业有限公司", []);
    const freeChains = await callRoute(enterpriseChainsRoute, "/x", {
      method: "PUT",
      cookie,
      id: free.enterprise.id,
      body: { linkIds: [], isChainLeader: true, isLocal: true, scale: "大型", version: free.enterprise.version },
    });
    expect(freeChains.status).toBe(200);
  });
});
