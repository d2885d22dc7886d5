import { actions, assertCan, can, roles, type Actor, type Role } from "../../lib/auth/permissions";
import { AppError } from "../../lib/errors";

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
});
