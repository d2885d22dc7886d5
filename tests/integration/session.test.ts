import { actorFromSessionToken } from "../../lib/auth/session";
import { getDb } from "../../lib/db";
import { actorOf, createActor, createUser, sessionCookie } from "../factories";
import { updateUser, resetPassword } from "../../lib/users/update-user";

const tokenOf = (cookie: string) => cookie.split("=")[1];

describe("sessions", () => {
  it("resolves a valid session to the user, with the role read from the database", async () => {
    const u = await createUser({ role: "LEADER" });
    const actor = await actorFromSessionToken(tokenOf(await sessionCookie(u)));
    expect(actor).toEqual({ ...actorOf(u), via: { kind: "session", id: expect.any(String) } });
  });

  it("refuses a tampered token or one made with another secret", async () => {
    const u = await createUser();
    const token = tokenOf(await sessionCookie(u));
    expect(await actorFromSessionToken(token.slice(0, -2) + "xx")).toBeNull();
    const secret = process.env.NEXTAUTH_SECRET;
    process.env.NEXTAUTH_SECRET = "another-secret-of-enough-length";
    const foreign = tokenOf(await sessionCookie(u));
    process.env.NEXTAUTH_SECRET = secret;
    expect(await actorFromSessionToken(foreign)).toBeNull();
  });

  it("ends sessions past the absolute lifetime", async () => {
    const u = await createUser();
    const old = Math.floor(Date.now() / 1000) - 169 * 3600;
    expect(await actorFromSessionToken(tokenOf(await sessionCookie(u, { authTime: old })))).toBeNull();
  });

  it("ends sessions whose token expired (idle)", async () => {
    const u = await createUser();
    const token = tokenOf(await sessionCookie(u, { maxAge: -60 }));
    expect(await actorFromSessionToken(token)).toBeNull();
  });

  it.each([
    [
      "deactivation",
      (admin: Awaited<ReturnType<typeof createActor>>, id: string, version: number) =>
        updateUser({ actor: admin, id, input: { active: false, version } }),
    ],
    [
      "a role change",
      (admin: Awaited<ReturnType<typeof createActor>>, id: string, version: number) =>
        updateUser({ actor: admin, id, input: { role: "MANAGER", version } }),
    ],
    [
      "a password reset",
      (admin: Awaited<ReturnType<typeof createActor>>, id: string) =>
        resetPassword({ actor: admin, id, input: { password: "NewPass2026" } }),
    ],
  ])("%s ends the user's existing sessions at their next request", async (_name, change) => {
    const admin = await createActor("ADMIN");
    const u = await createUser();
    const token = tokenOf(await sessionCookie(u));
    expect(await actorFromSessionToken(token)).not.toBeNull();
    await change(admin, u.id, u.version);
    expect(await actorFromSessionToken(token, "/projects")).toBeNull();
    const revoked = await getDb().securityEvent.findFirst({ where: { userId: u.id, type: "SESSION_REVOKED" } });
    expect(revoked?.path).toBe("/projects");
  });

  it("a display-name change does not end sessions", async () => {
    const admin = await createActor("ADMIN");
    const u = await createUser();
    const token = tokenOf(await sessionCookie(u));
    await updateUser({ actor: admin, id: u.id, input: { displayName: "新名字", version: u.version } });
    expect((await actorFromSessionToken(token))?.displayName).toBe("新名字");
  });
});
