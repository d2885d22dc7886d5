import { authenticate } from "../../lib/auth/authenticate";
import { getDb } from "../../lib/db";
import { createUser, TEST_PASSWORD } from "../factories";

const wrong = (username: string) => authenticate({ username, password: "wrong-password", ip: "10.0.0.1" });

async function events(username: string) {
  return getDb().securityEvent.findMany({ where: { username }, orderBy: { id: "asc" }, select: { type: true } });
}

describe("authenticate", () => {
  it("accepts the right password and logs the success", async () => {
    const u = await createUser();
    await expect(authenticate({ username: u.username.toUpperCase(), password: TEST_PASSWORD })).resolves.toMatchObject({
      id: u.id,
    });
    expect(await events(u.username)).toEqual([{ type: "LOGIN_SUCCESS" }]);
  });

  it("refuses a wrong password, an unknown user and an inactive user, logging each", async () => {
    const u = await createUser();
    const inactive = await createUser({ active: false });
    await expect(wrong(u.username)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(wrong("nobody-here")).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(authenticate({ username: inactive.username, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
    });
    expect(await events(u.username)).toEqual([{ type: "LOGIN_FAILURE" }]);
    expect(await events("nobody-here")).toEqual([{ type: "LOGIN_FAILURE" }]);
    expect(await events(inactive.username)).toEqual([{ type: "LOGIN_FAILURE" }]);
  });

  it("locks a username after five failures within 15 minutes, even for the right password", async () => {
    const u = await createUser();
    for (let i = 0; i < 4; i++) await expect(wrong(u.username)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(wrong(u.username)).rejects.toMatchObject({ code: "ACCOUNT_LOCKED", params: { minutes: 15 } });
    await expect(authenticate({ username: u.username, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: "ACCOUNT_LOCKED",
    });
    const types = (await events(u.username)).map((e) => e.type);
    expect(types.filter((t) => t === "LOGIN_FAILURE")).toHaveLength(5);
    expect(types.at(-1)).toBe("LOGIN_LOCKED");
    expect(types).not.toContain("LOGIN_SUCCESS");
  });

  it("locks names that do not exist the same way (no user enumeration)", async () => {
    for (let i = 0; i < 5; i++) await wrong("ghost").catch(() => undefined);
    await expect(wrong("ghost")).rejects.toMatchObject({ code: "ACCOUNT_LOCKED" });
  });

  it("unlocks when the failures are older than the lock window", async () => {
    const u = await createUser();
    for (let i = 0; i < 5; i++) await wrong(u.username).catch(() => undefined);
    await expect(authenticate({ username: u.username, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: "ACCOUNT_LOCKED",
    });
    await getDb().securityEvent.updateMany({
      where: { username: u.username },
      data: { createdAt: new Date(Date.now() - 16 * 60_000) },
    });
    await expect(authenticate({ username: u.username, password: TEST_PASSWORD })).resolves.toMatchObject({ id: u.id });
  });

  it("does not count failures before a successful login", async () => {
    const u = await createUser();
    for (let i = 0; i < 4; i++) await wrong(u.username).catch(() => undefined);
    await authenticate({ username: u.username, password: TEST_PASSWORD });
    for (let i = 0; i < 4; i++) await expect(wrong(u.username)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
  });

  it("does not let parallel guesses slip past the limit", async () => {
    const u = await createUser();
    const results = await Promise.allSettled(Array.from({ length: 10 }, () => wrong(u.username)));
    const failures = await getDb().securityEvent.count({ where: { username: u.username, type: "LOGIN_FAILURE" } });
    expect(failures).toBe(5);
    expect(
      results.filter((r) => r.status === "rejected" && (r.reason as { code: string }).code === "ACCOUNT_LOCKED"),
    ).toHaveLength(6);
  });
});
