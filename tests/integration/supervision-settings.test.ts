// 督办规则 (管理员 → 督办规则, GET|PUT /api/v1/settings/supervision): ADMIN only; every value
// checked at its field (yellow below red, days ≥ 1); the version guards against a stale
// save (409); each save is audited in words and followed by the colour recompute job.
import { GET, PUT } from "../../app/api/v1/settings/supervision/route";
import { describeAuditEntry } from "../../lib/audit/describe";
import { getDb } from "../../lib/db";
import { jobSchema } from "../../lib/jobs/boss";
import { defaultSupervisionSettings } from "../../lib/supervision/settings";
import { callRoute, createUser, sessionCookie } from "../factories";

const path = "/api/v1/settings/supervision";

describe("supervision settings", () => {
  let admin: string;
  beforeAll(async () => {
    admin = await sessionCookie(await createUser({ role: "ADMIN" }));
  });

  const recomputeJobs = async () => {
    const rows = await getDb().$queryRawUnsafe<{ n: number }[]>(
      `select count(*)::int as n from ${jobSchema}.job where name = 'warnings.recompute-daily'`,
    );
    return rows[0].n;
  };

  it("reads the defaults of SPEC §5 before the first save", async () => {
    const res = await callRoute(GET, path, { cookie: admin });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ ...defaultSupervisionSettings, version: 0 });
  });

  it("saves with the version, answers the values, audits before and after in words, and queues the recompute", async () => {
    const saved = await callRoute(PUT, path, {
      method: "PUT",
      cookie: admin,
      body: { version: 0, yellowBehindPoints: 12, redBehindPoints: "25", noticeReplyDays: 4 },
    });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({
      ...defaultSupervisionSettings,
      yellowBehindPoints: 12,
      redBehindPoints: 25,
      noticeReplyDays: 4,
      version: 1,
      recomputing: true,
    });
    expect((await callRoute(GET, path, { cookie: admin })).body).toEqual({
      ...defaultSupervisionSettings,
      yellowBehindPoints: 12,
      redBehindPoints: 25,
      noticeReplyDays: 4,
      version: 1,
    });
    expect(await recomputeJobs()).toBe(1);

    const audit = await getDb().auditLog.findFirstOrThrow({ where: { entityType: "SupervisionSettings" } });
    const words = describeAuditEntry({ ...audit, createdAt: audit.createdAt.toISOString() } as never, {
      locale: "zh-CN",
      names: new Map(),
    });
    expect(words.entity.label).toBe("督办规则");
    expect(words.changes).toEqual(
      expect.arrayContaining([
        { field: "黄色预警落后点数", before: "10 个百分点", after: "12 个百分点" },
        { field: "红色预警落后点数", before: "30 个百分点", after: "25 个百分点" },
        { field: "答复时限", before: "3 个工作日", after: "4 个工作日" },
      ]),
    );
    expect(words.changes).toHaveLength(3);
  });

  it("a stale version answers 409 and changes nothing", async () => {
    const { body: current } = await callRoute(GET, path, { cookie: admin });
    const res = await callRoute(PUT, path, {
      method: "PUT",
      cookie: admin,
      body: { version: current.version - 1, noProgressDays: 9 },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("CONFLICT");
    expect((await callRoute(GET, path, { cookie: admin })).body).toEqual(current);
  });

  it("refuses bad values at their fields (400), each message naming its field", async () => {
    const { body: current } = await callRoute(GET, path, { cookie: admin });
    const put = (body: Record<string, unknown>) =>
      callRoute(PUT, path, { method: "PUT", cookie: admin, body: { version: current.version, ...body } });

    const order = await put({ yellowBehindPoints: 30, redBehindPoints: 30 });
    expect(order.status).toBe(400);
    expect(order.body.error.fields).toEqual({ yellowBehindPoints: "黄色预警的落后点数须小于红色" });

    const days = await put({ noProgressDays: 0, quarterEndDays: "abc" });
    expect(days.status).toBe(400);
    expect(days.body.error.fields).toEqual({
      noProgressDays: "未报进度天数（在建项目）不能小于 1",
      quarterEndDays: "季度末提醒期须为数字",
    });

    expect((await put({ noticeReplyDays: 20, noticeResolveDays: 10 })).body.error.fields).toEqual({
      noticeResolveDays: "答复时限不得超过办结时限，办结时限不得超过最长时限",
    });
    const missingVersion = await callRoute(PUT, path, { method: "PUT", cookie: admin, body: { noProgressDays: 8 } });
    expect(missingVersion.status).toBe(400);
    expect(Object.keys(missingVersion.body.error.fields)).toEqual(["version"]);
    expect((await callRoute(GET, path, { cookie: admin })).body).toEqual(current);
  });

  it("is the admin's alone: every other role gets 403 and changes nothing", async () => {
    for (const role of ["MANAGER", "LEADER", "STAFF", "APPROVER"] as const) {
      const cookie = await sessionCookie(await createUser({ role }));
      expect([role, (await callRoute(GET, path, { cookie })).status]).toEqual([role, 403]);
      const res = await callRoute(PUT, path, { method: "PUT", cookie, body: { version: 1, yellowBehindPoints: 5 } });
      expect([role, res.status]).toEqual([role, 403]);
    }
    expect((await callRoute(GET, path, { cookie: admin })).body.yellowBehindPoints).toBe(12);
  });
});
