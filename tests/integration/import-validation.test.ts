// The dry run and the commit agree: what the database or the use-cases would refuse is a
// row error already in the dry run, and a commit applies each row on its own — a row that
// fails for any reason is that row's error, and the rows after it are still imported.
import { getDb } from "../../lib/db";
import { nameColumns } from "../../lib/enterprises/name-key";
import { translate } from "../../lib/i18n/translate";
import { createIndustry, createUser, sessionCookie } from "../factories";
import { commit, dryRun, type Job } from "../support/imports";

const csv = (lines: string[]) => new TextEncoder().encode(lines.join("\r\n") + "\r\n");
const header = "项目编号,项目名称,投资企业,产业,总投资（万元）,计划开工日期,备注";

describe("import: the dry run sees what the commit would refuse", () => {
  let cookie: string;
  let industry: string;

  beforeAll(async () => {
    cookie = await sessionCookie(await createUser({ role: "STAFF" }));
    industry = (await createIndustry()).name;
  });

  const rowOf = (job: Job, row: number) => job.rows.find((r) => r.row === row)!;
  const message = (key: string, field: string) => translate("zh-CN", key, { field });

  it("a year-0 date and a NUL byte are row errors in the dry run; the commit imports the rest", async () => {
    const file = csv([
      header,
      `VAL-OK-1,正常项目一,校验测试企业一有限公司,${industry},100,2027-03-01,`,
      `VAL-DATE-1,零年项目,校验测试企业二有限公司,${industry},100,0000-01-01,`,
      `VAL-NUL-1,含\u0000字符项目,校验测试企业三有限公司,${industry},100,,`,
      `VAL-OK-2,正常项目二,校验测试企业四有限公司,${industry},100,,"第一行\n第二行"`,
      `VAL-DATE-2,远期项目,校验测试企业五有限公司,${industry},100,2101-01-01,`,
      `VAL-CTRL-1,控制字符项目,校验测试企业六有限公司\u0007,${industry},100,,`,
    ]);
    const dry = await dryRun(cookie, file, "rows.csv");
    expect(dry).toMatchObject({ status: "DONE", total: 6, created: 2, failed: 4 });
    expect(rowOf(dry, 3).errors).toEqual([
      { column: "计划开工日期", message: message("validation.dateRange", "计划开工日期"), value: "0000-01-01" },
    ]);
    expect(rowOf(dry, 4).errors).toEqual([
      // The value as typed, with the NUL shown as � (a JSON column cannot hold it).
      { column: "项目名称", message: message("validation.characters", "项目名称"), value: "含\ufffd字符项目" },
    ]);
    expect(rowOf(dry, 6).errors[0].column).toBe("计划开工日期");
    expect(rowOf(dry, 7).errors[0].column).toBe("投资企业");

    const done = await commit(cookie, dry.id, { skipErrors: true });
    expect(done.job).toMatchObject({ status: "DONE", created: 2, failed: 4, error: null });
    const codes = (await getDb().project.findMany({ where: { code: { startsWith: "VAL-" } } })).map((p) => p.code);
    expect(codes.sort()).toEqual(["VAL-OK-1", "VAL-OK-2"]);
  });

  it("enterprise rows with such text are row errors too", async () => {
    const file = csv([
      "企业名称,联系方式",
      "校验企业甲有限公司,王经理",
      "校验企业乙有限公司,\u0000",
      "校验\u001b企业,",
    ]);
    const dry = await dryRun(cookie, file, "e.csv", "ENTERPRISES");
    expect(dry).toMatchObject({ status: "DONE", created: 1, failed: 2 });
    expect(rowOf(dry, 3).errors).toEqual([
      { column: "联系方式", message: message("validation.characters", "联系方式"), value: "\ufffd" },
    ]);
  });

  it("an update giving a credit code another enterprise holds is refused by the dry run, as by the commit", async () => {
    const user = await createUser({ role: "STAFF" });
    const industryId = (await getDb().industry.findFirstOrThrow({ where: { name: industry } })).id;
    const held = await getDb().enterprise.create({
      data: { ...nameColumns("持有代码企业有限公司"), creditCode: "91370200163562681G" },
    });
    await getDb().project.create({
      data: {
        code: "VAL-CODE-1",
        name: "已有项目",
        enterpriseName: "另一企业有限公司",
        industryId,
        totalInvestment: "1.00",
        ownerId: user.id,
      },
    });
    const own = await sessionCookie(user);
    const dry = await dryRun(
      own,
      csv([`${header},统一社会信用代码`, `VAL-CODE-1,,,,,,,${held.creditCode}`]),
      "code.csv",
    );
    expect(dry).toMatchObject({ status: "DONE", updated: 0, failed: 1 });
    expect(rowOf(dry, 2).errors).toEqual([
      {
        column: "统一社会信用代码",
        message: translate("zh-CN", "validation.creditCodeTaken"),
        value: "91370200163562681G",
      },
    ]);
  });

  it("a row the database refuses at commit is that row's error (errors.INTERNAL, logged); the job goes on", async () => {
    // A rule only the database knows, so that the dry run cannot see it.
    await getDb().$executeRawUnsafe(
      `alter table projects add constraint test_refused_name check (name <> '数据库拒绝的项目')`,
    );
    const file = csv([
      header,
      `VAL-DB-1,数据库接受的项目一,数据库测试企业一有限公司,${industry},100,,`,
      `VAL-DB-2,数据库拒绝的项目,数据库测试企业二有限公司,${industry},100,,`,
      `VAL-DB-3,数据库接受的项目三,数据库测试企业三有限公司,${industry},100,,`,
    ]);
    const dry = await dryRun(cookie, file, "db.csv");
    expect(dry).toMatchObject({ status: "DONE", created: 3, failed: 0 });
    const logged = jest.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const done = await commit(cookie, dry.id);
      expect(done.job).toMatchObject({ status: "DONE", created: 2, failed: 1, error: null });
      expect(rowOf(done.job!, 3)).toMatchObject({
        action: "error",
        errors: [{ column: "", message: translate("zh-CN", "errors.INTERNAL") }],
      });
      expect(logged).toHaveBeenCalled();
    } finally {
      logged.mockRestore();
    }
    expect(await getDb().project.count({ where: { code: { in: ["VAL-DB-1", "VAL-DB-3"] } } })).toBe(2);
    expect(await getDb().project.count({ where: { code: "VAL-DB-2" } })).toBe(0);
  });
});
