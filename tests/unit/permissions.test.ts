import {
  actions,
  assertCan,
  can,
  canOnProject,
  projectActions,
  projectScope,
  roles,
  type Actor,
  type Role,
} from "../../lib/auth/permissions";
import { AppError } from "../../lib/errors";
import { canEditEnterprise } from "../../lib/enterprises/can-edit";

const actor = (role: Role, departmentId: string | null = null): Actor => ({
  id: "x",
  username: "x",
  displayName: "x",
  role,
  departmentId,
  departmentName: null,
});

describe("permissions", () => {
  it("gives user management and the security log to ADMIN only", () => {
    for (const role of roles) {
      expect(can(role, "user.manage")).toBe(role === "ADMIN");
      expect(can(role, "securityLog.read")).toBe(role === "ADMIN");
    }
  });

  it("lets every role read projects: an approver only those with a permit item of their department", () => {
    for (const role of roles) expect(can(role, "project.read")).toBe(true);
    for (const role of roles)
      expect([role, projectScope(role, "read")]).toEqual([role, role === "APPROVER" ? "permit" : "all"]);
    const project = { ownerId: "o", leaderId: null, permitDepartmentIds: ["HB", "ZJ"] };
    expect(canOnProject(actor("APPROVER", "HB"), project, "read")).toBe(true);
    expect(canOnProject(actor("APPROVER", "ZR"), project, "read")).toBe(false);
    expect(canOnProject(actor("APPROVER", null), project, "read")).toBe(false);
    // Without the case's departments the permit scope fails closed.
    expect(canOnProject(actor("APPROVER", "HB"), { ownerId: "o", leaderId: null }, "read")).toBe(false);
    expect(canOnProject(actor("STAFF"), { ownerId: "o", leaderId: null }, "read")).toBe(true);
  });

  it("the bureau's work on a project (contacts, timeline, capital increases, attachments, history) is not an approver's", () => {
    for (const role of roles)
      expect([role, projectScope(role, "readWork")]).toEqual([role, role === "APPROVER" ? null : "all"]);
  });

  it("whoever may create or import projects reads all of them (duplicate checks and import previews show any project)", () => {
    for (const role of roles)
      if (can(role, "project.create") || can(role, "project.import"))
        expect([role, projectScope(role, "read")]).toEqual([role, "all"]);
  });

  it("no project action reaches further than reading: whoever acts on a project can see it", () => {
    for (const role of roles) {
      const read = projectScope(role, "read");
      for (const action of projectActions) {
        const scope = projectScope(role, action);
        if (scope !== null) expect([role, action, read === "all" || read === scope]).toEqual([role, action, true]);
      }
    }
  });

  it("every action names at least one role", () => {
    for (const action of actions) expect(roles.some((r) => can(r, action))).toBe(true);
  });

  it("assertCan fails closed", () => {
    expect(() => assertCan(null, "project.read")).toThrow(expect.objectContaining({ code: "UNAUTHENTICATED" }));
    expect(() => assertCan(actor("STAFF"), "user.manage")).toThrow(AppError);
    expect(() => assertCan(actor("ADMIN"), "user.manage")).not.toThrow();
  });

  it("canEditEnterprise: any for MANAGER and ADMIN; else only one whose projects are all the user's to update", () => {
    const me = (role: Role) => ({ ...actor(role), id: "me" });
    const own = { ownerId: "me", leaderId: null };
    const led = { ownerId: "other", leaderId: "me" };
    const theirs = { ownerId: "other", leaderId: null };
    for (const role of roles) {
      const any = can(role, "enterprise.editAny");
      expect([role, any]).toEqual([role, role === "MANAGER" || role === "ADMIN"]);
      expect(canEditEnterprise(me(role), [theirs])).toBe(any);
      expect(canEditEnterprise(me(role), [])).toBe(can(role, "enterprise.edit"));
    }
    expect(canEditEnterprise(me("STAFF"), [own])).toBe(true);
    expect(canEditEnterprise(me("STAFF"), [own, theirs])).toBe(false);
    expect(canEditEnterprise(me("STAFF"), [led])).toBe(false);
    expect(canEditEnterprise(me("LEADER"), [led])).toBe(true);
    expect(canEditEnterprise(me("LEADER"), [led, theirs])).toBe(false);
    expect(canEditEnterprise(me("APPROVER"), [])).toBe(false);
  });
});
