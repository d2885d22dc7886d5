import { actions, assertCan, can, roles, type Actor, type Role } from "../../lib/auth/permissions";
import { AppError } from "../../lib/errors";
import { canEditEnterprise } from "../../lib/enterprises/can-edit";

const actor = (role: Role): Actor => ({
  id: "x",
  username: "x",
  displayName: "x",
  role,
  departmentId: null,
  departmentName: null,
});

describe("permissions", () => {
  it("gives user management and the security log to ADMIN only", () => {
    for (const role of roles) {
      expect(can(role, "user.manage")).toBe(role === "ADMIN");
      expect(can(role, "securityLog.read")).toBe(role === "ADMIN");
    }
  });

  it("lets every role read projects", () => {
    for (const role of roles) expect(can(role, "project.read")).toBe(true);
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
