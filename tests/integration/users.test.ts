import { localizeError } from "../../lib/i18n/errors";
import { getDb } from "../../lib/db";
import { createUser as createUserUseCase } from "../../lib/users/create-user";
import { listUsers } from "../../lib/users/list-users";
import { resetPassword, updateUser } from "../../lib/users/update-user";
import { authenticate } from "../../lib/auth/authenticate";
import { roles } from "../../lib/auth/permissions";
import { createActor, createDepartment, createUser } from "../factories";
import { listAuditLog } from "../../lib/audit/queries";

const valid = { username: "new.user", displayName: "新用户", password: "Abcdef12", role: "STAFF" };

describe("user management", () => {
  it.each(roles.filter((r) => r !== "ADMIN"))("refuses %s and writes nothing", async (role) => {
    const actor = await createActor(role);
    const target = await createUser();
    const before = await getDb().user.count();
    await expect(
      createUserUseCase({ actor, input: { ...valid, username: `x${role.toLowerCase()}` } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(
      updateUser({ actor, id: target.id, input: { active: false, version: target.version } }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(resetPassword({ actor, id: target.id, input: { password: "Abcdef12" } })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    await expect(listUsers({ actor, query: {} })).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await getDb().user.count()).toBe(before);
    expect(await getDb().user.findUniqueOrThrow({ where: { id: target.id } })).toMatchObject({
      active: true,
      version: target.version,
    });
    expect(await getDb().auditLog.count()).toBe(0);
  });

  it("creates a user who can log in, with an audit row that holds no password hash", async () => {
    const admin = await createActor("ADMIN");
    const dept = await createDepartment();
    const user = await createUserUseCase({
      actor: admin,
      input: { ...valid, username: " New.User ", departmentId: dept.id },
    });
    expect(user).toMatchObject({
      username: "new.user",
      role: "STAFF",
      department: dept.name,
      active: true,
      version: 1,
    });
    expect(user).not.toHaveProperty("passwordHash");
    await expect(authenticate({ username: "new.user", password: "Abcdef12" })).resolves.toMatchObject({ id: user.id });
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { entityId: user.id } });
    expect(audit).toMatchObject({ actorId: admin.id, entityType: "User", action: "create" });
    expect(JSON.stringify(audit.after)).not.toContain("passwordHash");
  });

  it("answers bad input field by field, in Chinese, and saves nothing", async () => {
    const admin = await createActor("ADMIN");
    const before = await getDb().user.count();
    const err = await createUserUseCase({
      actor: admin,
      input: { username: "a", displayName: "", password: "short", role: "KING" },
    }).catch((e) => e);
    expect(err.code).toBe("VALIDATION");
    const fields = localizeError(err, "zh-CN").fields!;
    expect(Object.keys(fields).sort()).toEqual(["displayName", "password", "role", "username"]);
    expect(fields.username).toBe("用户名长度为 3–32 个字符");
    expect(fields.role).toBe("请选择角色");
    expect(fields.password).toBe("密码长度为 8–128 个字符");
    expect(fields.displayName).toBe("请填写姓名");
    expect(localizeError(err, "en").fields!.displayName).toBe("Enter the name");
    expect(await getDb().user.count()).toBe(before);
  });

  it("an approver keeps a department; name and department are editable, audited", async () => {
    const admin = await createActor("ADMIN");
    const department = await createDepartment({ kind: "PERMIT" });
    const u = await createUser({ role: "STAFF" });
    await expect(updateUser({ actor: admin, id: u.id, input: { role: "APPROVER", version: 1 } })).rejects.toMatchObject(
      {
        code: "VALIDATION",
        fields: { departmentId: "validation.departmentRequired" },
      },
    );
    const changed = await updateUser({
      actor: admin,
      id: u.id,
      input: { role: "APPROVER", departmentId: department.id, displayName: "新名字", version: 1 },
    });
    expect(changed).toMatchObject({ role: "APPROVER", departmentId: department.id, displayName: "新名字" });
    await expect(
      updateUser({ actor: admin, id: u.id, input: { departmentId: "", version: changed.version } }),
    ).rejects.toMatchObject({ code: "VALIDATION" });
    expect(await getDb().auditLog.count({ where: { entityType: "User", entityId: u.id, action: "update" } })).toBe(1);
  });

  it("refuses a duplicate username", async () => {
    const admin = await createActor("ADMIN");
    const existing = await createUser();
    await expect(
      createUserUseCase({ actor: admin, input: { ...valid, username: existing.username } }),
    ).rejects.toMatchObject({
      code: "DUPLICATE",
      fields: { username: "validation.usernameTaken" },
    });
  });

  it("refuses a stale version with CONFLICT and overwrites nothing", async () => {
    const admin = await createActor("ADMIN");
    const u = await createUser();
    await updateUser({ actor: admin, id: u.id, input: { displayName: "第一次", version: u.version } });
    await expect(
      updateUser({ actor: admin, id: u.id, input: { displayName: "第二次", version: u.version } }),
    ).rejects.toMatchObject({ code: "CONFLICT" });
    expect((await getDb().user.findUniqueOrThrow({ where: { id: u.id } })).displayName).toBe("第一次");
  });

  it("answers NOT_FOUND for an unknown user", async () => {
    const admin = await createActor("ADMIN");
    await expect(updateUser({ actor: admin, id: "nope", input: { active: false, version: 1 } })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });

  it("keeps an admin from locking themself out", async () => {
    const admin = await createActor("ADMIN");
    await expect(
      updateUser({ actor: admin, id: admin.id, input: { active: false, version: 1 } }),
    ).rejects.toMatchObject({ code: "RULE_SELF_LOCKOUT" });
    await expect(
      updateUser({ actor: admin, id: admin.id, input: { role: "STAFF", version: 1 } }),
    ).rejects.toMatchObject({ code: "RULE_SELF_LOCKOUT" });
  });

  it("deactivation blocks login and is audited with before and after", async () => {
    const admin = await createActor("ADMIN");
    const u = await createUser();
    await updateUser({ actor: admin, id: u.id, input: { active: false, version: u.version } });
    await expect(authenticate({ username: u.username, password: "Test@12345" })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    const audit = await getDb().auditLog.findFirstOrThrow({ where: { entityId: u.id, action: "update" } });
    expect(audit.before).toMatchObject({ active: true });
    expect(audit.after).toMatchObject({ active: false });
  });

  it("lists users with search and paging", async () => {
    const admin = await createActor("ADMIN");
    await createUser({ username: "searchable.one" });
    await createUser({ username: "searchable.two" });
    const page = await listUsers({ actor: admin, query: { q: "searchable", pageSize: "1" } });
    expect(page.total).toBe(2);
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).not.toHaveProperty("passwordHash");
  });

  it("the audit log is searchable by admins only", async () => {
    const admin = await createActor("ADMIN");
    const created = await createUserUseCase({ actor: admin, input: { ...valid, username: "audited.one" } });
    const log = await listAuditLog({ actor: admin, query: { entityType: "User", actor: admin.username } });
    expect(log.items.map((r) => r.entityId)).toContain(created.id);
    expect(log.items[0]).toMatchObject({ actorName: admin.displayName, action: "create" });
    expect((await listAuditLog({ actor: admin, query: { entityType: "Project" } })).total).toBe(0);
    await expect(listAuditLog({ actor: await createActor("MANAGER"), query: {} })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });
});
