import ExcelJS from "exceljs";
import { GET as jobRoute } from "../../app/api/v1/imports/[id]/route";
import { GET as templateRoute } from "../../app/api/v1/imports/template/route";
import { getDb } from "../../lib/db";
import { creditCodeCheckChar } from "../../lib/enterprises/credit-code";
import { nameColumns } from "../../lib/enterprises/name-key";
import { exportProjects } from "../../lib/projects/export";
import { xlsxBytes } from "../../lib/exports/xlsx-table";
import { actorOf, apiRequest, createIndustry, createPark, createUser, routeParams, sessionCookie } from "../factories";
import { commit, dryRun, upload, xlsx } from "../support/imports";

const header = [
  "项目编号",
  "项目名称",
  "投资企业",
  "统一社会信用代码",
  "产业",
  "园区",
  "总投资（万元）",
  "阶段",
  "签约日期",
  "合同投资额（万元）",
  "重点项目",
  "标签",
];

describe("import of projects and enterprises", () => {
  let staffCookie: string;
  let staffId: string;
  let industryName: string;
  let parkName: string;
  let existingId: string;

  beforeAll(async () => {
    const staff = await createUser({ role: "STAFF" });
    staffId = staff.id;
    staffCookie = await sessionCookie(staff);
    industryName = (await createIndustry()).name;
    parkName = (await createPark()).name;
    const industry = await getDb().industry.findFirstOrThrow({ where: { name: industryName } });
    const existing = await getDb().project.create({
      data: {
        code: "IMP-OLD-1",
        name: "已有项目",
        enterpriseName: "已有企业有限公司",
        industryId: industry.id,
        totalInvestment: "1000.00",
        ownerId: staff.id,
        stage: "NEGOTIATING",
      },
    });
    existingId = existing.id;
  });

  const rows = () => [
    header,
    [
      "imp-new-1",
      "储能电池项目",
      "青岛导入测试新能源有限公司",
      "",
      industryName,
      parkName,
      "50,000.5",
      "线索",
      null,
      null,
      "是",
      "储能，十强产业",
    ],
    [
      "IMP-BAD-1",
      "签约缺字段",
      "导入缺字段企业有限公司",
      "",
      industryName,
      "",
      "100",
      "签约",
      "2026-05-01",
      "",
      "",
      "",
    ],
    [
      "IMP-BAD-2",
      "格式错误",
      "导入格式错误企业",
      "123",
      industryName,
      "不存在的园区",
      "12.345",
      "",
      "",
      "",
      "也许",
      "",
    ],
    ["IMP-NEW-1", "重复编号", "重复企业", "", industryName, "", "1", "", "", "", "", ""],
    [
      "IMP-NEW-2",
      "已签约项目",
      "导入签约企业有限公司",
      "",
      industryName,
      "",
      "8000",
      "签约",
      new Date(Date.UTC(2026, 2, 5)),
      "7500",
      "否",
      "",
    ],
    ["IMP-OLD-1", "", "", "", "", "", "1200", "洽谈", "", "", "", ""],
    [
      "IMP-BAD-3",
      "员工导入在建项目",
      "导入在建企业",
      "",
      industryName,
      "",
      "100",
      "开工在建",
      "2026-01-01",
      "100",
      "",
      "",
    ],
  ];

  it("dry run: every row's outcome and errors by column, and nothing written", async () => {
    const projects = await getDb().project.count();
    const audits = await getDb().auditLog.count();
    const job = await dryRun(staffCookie, await xlsx(rows()));
    expect(job).toMatchObject({
      status: "DONE",
      total: 7,
      processed: 7,
      created: 2,
      updated: 1,
      unchanged: 0,
      failed: 4,
    });
    const byRow = Object.fromEntries(job.rows.map((r) => [r.row, r]));
    expect(byRow[2]).toMatchObject({ key: "IMP-NEW-1", action: "create" });
    expect(byRow[3].errors).toEqual([{ column: "合同投资额（万元）", message: "请输入大于 0 的金额" }]);
    expect(byRow[4].errors.map((e) => e.column).sort()).toEqual(
      ["园区", "总投资（万元）", "统一社会信用代码", "重点项目"].sort(),
    );
    expect(byRow[5].errors).toEqual([{ column: "项目编号", message: "文件中该项目编号重复出现", value: "IMP-NEW-1" }]);
    expect(byRow[6]).toMatchObject({ action: "create" });
    expect(byRow[7]).toMatchObject({ action: "update", changes: ["总投资（万元）"] });
    expect(byRow[8].errors).toEqual(
      expect.arrayContaining([
        { column: "统一社会信用代码", message: "统一社会信用代码应为 18 位" },
        { column: "阶段", message: expect.stringContaining("施工许可"), value: "开工在建" },
      ]),
    );
    expect(byRow[8].errors).toHaveLength(2);
    expect(await getDb().project.count()).toBe(projects);
    expect(await getDb().auditLog.count()).toBe(audits);
  });

  it("refuses to import a file with errors unless told to skip them; then imports the rest exactly once", async () => {
    const job = await dryRun(staffCookie, await xlsx(rows()));
    const refused = await commit(staffCookie, job.id);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("RULE_IMPORT_HAS_ERRORS");

    const done = await commit(staffCookie, job.id, { skipErrors: true });
    expect(done.status).toBe(202);
    expect(done.job).toMatchObject({ status: "DONE", created: 2, updated: 1, failed: 4 });
    const lead = await getDb().project.findUniqueOrThrow({
      where: { code: "IMP-NEW-1" },
      include: { stageChanges: true },
    });
    expect(lead).toMatchObject({ stage: "LEAD", ownerId: staffId, keyProject: true, tags: ["储能", "十强产业"] });
    expect(lead.totalInvestment.toFixed(2)).toBe("50000.50");
    const signed = await getDb().project.findUniqueOrThrow({
      where: { code: "IMP-NEW-2" },
      include: { stageChanges: { orderBy: { createdAt: "asc" } } },
    });
    expect(signed.stage).toBe("SIGNED");
    expect(signed.signingDate?.toISOString().slice(0, 10)).toBe("2026-03-05");
    expect(signed.stageChanges.map((c) => c.toStage)).toEqual(["LEAD", "NEGOTIATING", "SIGNED"]);
    expect(signed.stageChanges[2].createdAt.toISOString().slice(0, 10)).toBe("2026-03-05");
    const old = await getDb().project.findUniqueOrThrow({ where: { id: existingId } });
    expect(old.totalInvestment.toFixed(2)).toBe("1200.00");
    expect(old.version).toBe(2);
    expect(await getDb().project.count({ where: { code: { in: ["IMP-BAD-1", "IMP-BAD-2", "IMP-BAD-3"] } } })).toBe(0);

    // Running the same file again changes nothing: no row, no version, no audit entry.
    const audits = await getDb().auditLog.count();
    const again = await commit(staffCookie, (await dryRun(staffCookie, await xlsx(rows()))).id, { skipErrors: true });
    expect(again.job).toMatchObject({ created: 0, updated: 0, unchanged: 3, failed: 4 });
    expect(await getDb().auditLog.count()).toBe(audits);
    expect((await getDb().project.findUniqueOrThrow({ where: { id: existingId } })).version).toBe(2);
  });

  it("an exported view imports back as unchanged (round trip), also as CSV", async () => {
    const staff = await getDb().user.findUniqueOrThrow({ where: { id: staffId }, include: { department: true } });
    const { body } = await exportProjects({ actor: actorOf(staff), query: { q: "IMP-" }, locale: "zh-CN" });
    const file = await xlsxBytes(body);
    const job = await dryRun(staffCookie, new Uint8Array(file), "export.xlsx");
    expect(job).toMatchObject({ status: "DONE", failed: 0, created: 0, updated: 0, unchanged: 3 });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as never);
    const csv = Buffer.from(await wb.csv.writeBuffer());
    const csvJob = await dryRun(staffCookie, new Uint8Array(csv), "export.csv");
    expect(csvJob).toMatchObject({ status: "DONE", failed: 0, unchanged: 3 });
  });

  it("reports a file without the required columns, and a file that is not a spreadsheet", async () => {
    const job = await dryRun(
      staffCookie,
      await xlsx([
        ["项目名称", "备注"],
        ["x", "y"],
      ]),
    );
    expect(job.status).toBe("FAILED");
    expect(job.error).toContain("项目编号");
    const junk = await dryRun(staffCookie, new TextEncoder().encode("PK not really a zip"), "x.xlsx");
    expect(junk.status).toBe("FAILED");
    const wrongType = await upload(staffCookie, new TextEncoder().encode("x"), "x.pdf");
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.fields.file).toBe("请上传 .xlsx 或 .csv 文件");
  });

  it("a page following a job fetches only the rows after those it has (rowsAfter); bad values are 400", async () => {
    const job = await dryRun(staffCookie, await xlsx(rows()));
    const get = (query: string, cookie = staffCookie) =>
      jobRoute(apiRequest(`/api/v1/imports/${job.id}${query}`, { cookie }), routeParams({ id: job.id }) as never);
    const all = await (await get("")).json();
    expect(all.rows.map((r: { row: number }) => r.row)).toEqual([2, 3, 4, 5, 6, 7, 8]);
    const later = await (await get("?rowsAfter=4")).json();
    // The same job and counts, the rows after row 4 exactly as the whole list shows them.
    expect({ ...later, rows: [] }).toEqual({ ...all, rows: [] });
    expect(later.rows).toEqual(all.rows.slice(3));
    expect((await (await get("?rowsAfter=8")).json()).rows).toEqual([]);
    for (const bad of ["-1", "abc", "1.5", "99999999999"]) {
      const res = await get(`?rowsAfter=${bad}`);
      expect(res.status).toBe(400);
      expect(Object.keys((await res.json()).error.fields)).toEqual(["rowsAfter"]);
    }
    // Still someone else's job is 404, with or without it.
    const other = await sessionCookie(await createUser({ role: "STAFF" }));
    expect((await get("?rowsAfter=0", other)).status).toBe(404);
  });

  it("permissions: an approver may not import (403); a job is visible only to its owner (404)", async () => {
    const approver = await sessionCookie(await createUser({ role: "APPROVER" }));
    expect((await upload(approver, await xlsx(rows()), "p.xlsx")).status).toBe(403);
    const job = await dryRun(staffCookie, await xlsx(rows()));
    const other = await sessionCookie(await createUser({ role: "STAFF" }));
    const res = await jobRoute(
      apiRequest(`/api/v1/imports/${job.id}`, { cookie: other }),
      routeParams({ id: job.id }) as never,
    );
    expect(res.status).toBe(404);
    expect((await commit(other, job.id, { skipErrors: true })).status).toBe(404);
  });

  it("only a manager may import a project already under construction (容缺开工 override)", async () => {
    const manager = await sessionCookie(await createUser({ role: "MANAGER" }));
    const code17 = "91370211MA3D2K9P0";
    const file = await xlsx([
      header,
      [
        "IMP-MGR-1",
        "在建项目",
        "导入在建企业二",
        code17 + creditCodeCheckChar(code17),
        industryName,
        "",
        "100",
        "开工在建",
        "2026-01-01",
        "100",
        "",
        "",
      ],
    ]);
    const job = await dryRun(manager, file);
    expect(job).toMatchObject({ created: 1, failed: 0 });
    const done = await commit(manager, job.id);
    expect(done.job).toMatchObject({ created: 1 });
    const p = await getDb().project.findUniqueOrThrow({
      where: { code: "IMP-MGR-1" },
      include: { stageChanges: true },
    });
    expect(p.stage).toBe("CONSTRUCTION");
    expect(p.stageChanges.find((c) => c.toStage === "CONSTRUCTION")?.override).toBe(true);
    // Without the credit code the path through 落地注册 is refused, for a manager too.
    const noCode = await dryRun(
      manager,
      await xlsx([
        header,
        [
          "IMP-MGR-2",
          "在建项目二",
          "导入在建企业三",
          "",
          industryName,
          "",
          "100",
          "开工在建",
          "2026-01-01",
          "100",
          "",
          "",
        ],
      ]),
    );
    expect(noCode.rows[0].errors.map((e) => e.column)).toEqual(["统一社会信用代码"]);
  });

  it("enterprises: create, update by credit code, unchanged, and near names warned or linked", async () => {
    await getDb().enterprise.create({ data: { ...nameColumns("青岛蓝谷导入精密制造有限公司"), region: "青岛市" } });
    const file = (region: string) =>
      xlsx([
        ["企业名称", "统一社会信用代码", "所在地区", "本地企业", "联系方式"],
        ["导入企业甲有限公司", "91370200163562681G", region, "是", "张三"],
        ["蓝谷导入精密制造（青岛）有限公司", "", "", "是", ""],
        ["", "", "", "", ""],
        ["导入企业乙有限公司", "9137020016356268XX", "", "", ""],
      ]);
    const first = await dryRun(staffCookie, await file("青岛市"), "e.xlsx", "ENTERPRISES");
    expect(first).toMatchObject({ created: 2, failed: 1, warnings: 1 });
    expect(first.rows.find((r) => r.row === 3)?.warnings[0]).toContain("青岛蓝谷导入精密制造有限公司");
    const done = await commit(staffCookie, first.id, { skipErrors: true, linkSimilar: true });
    expect(done.job).toMatchObject({ created: 1, updated: 1, failed: 1 });
    expect(await getDb().enterprise.count({ where: { nameKey: "蓝谷导入精密制造" } })).toBe(1);
    expect((await getDb().enterprise.findFirstOrThrow({ where: { nameKey: "蓝谷导入精密制造" } })).isLocal).toBe(true);

    const second = await dryRun(staffCookie, await file("青岛市西海岸新区"), "e.xlsx", "ENTERPRISES");
    expect(second.rows.find((r) => r.row === 2)).toMatchObject({ action: "update", changes: ["所在地区"] });
    const applied = await commit(staffCookie, second.id, { skipErrors: true, linkSimilar: true });
    expect(applied.job).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    expect((await getDb().enterprise.findUniqueOrThrow({ where: { creditCode: "91370200163562681G" } })).region).toBe(
      "青岛市西海岸新区",
    );
  });

  it("the template has every column and reads back with no missing column", async () => {
    const res = await templateRoute(
      apiRequest("/api/v1/imports/template?kind=PROJECTS", { cookie: staffCookie }),
      routeParams({}) as never,
    );
    expect(res.status).toBe(200);
    const bytes = new Uint8Array(await res.arrayBuffer());
    const job = await dryRun(staffCookie, bytes, "template.xlsx");
    expect(job.status).toBe("DONE");
    expect(job.total).toBe(1);
  });

  it("enterprises carry their chain links, 龙头企业 flag and scale; unknown links are row errors", async () => {
    const industry = await getDb().industry.findFirstOrThrow();
    const chain = await getDb().chain.create({
      data: {
        code: "IMPCHAIN",
        name: "导入测试链",
        industryId: industry.id,
        links: {
          create: [
            { name: "注塑件", position: "UPSTREAM" },
            { name: "整车", position: "MIDSTREAM" },
          ],
        },
      },
      include: { links: true },
    });
    const file = (links: string) =>
      xlsx([
        ["企业名称", "本地企业", "规模", "龙头企业", "产业链环节"],
        ["导入链上企业有限公司", "是", "中型", "是", links],
        ["导入链错误企业有限公司", "是", "", "", "不存在的环节"],
      ]);
    const dry = await dryRun(staffCookie, await file("导入测试链/注塑件；整车"), "e.xlsx", "ENTERPRISES");
    expect(dry).toMatchObject({ created: 1, failed: 1 });
    expect(dry.rows.find((r) => r.row === 3)?.errors[0].column).toBe("产业链环节");
    await commit(staffCookie, dry.id, { skipErrors: true });
    const e = await getDb().enterprise.findFirstOrThrow({
      where: { name: "导入链上企业有限公司" },
      include: { links: true },
    });
    expect(e).toMatchObject({ isLocal: true, isChainLeader: true, scale: "中型" });
    expect(e.links.map((l) => l.linkId).sort()).toEqual(chain.links.map((l) => l.id).sort());
    // The same links again: unchanged; one link fewer: updated.
    expect(
      (await dryRun(staffCookie, await file("整车；导入测试链/注塑件"), "e.xlsx", "ENTERPRISES")).rows.find(
        (r) => r.row === 2,
      )?.action,
    ).toBe("unchanged");
    const fewer = await dryRun(staffCookie, await file("整车"), "e.xlsx", "ENTERPRISES");
    expect(fewer.rows.find((r) => r.row === 2)).toMatchObject({ action: "update", changes: ["产业链环节"] });
  });
});
