import bcrypt from "bcryptjs";
import pg from "pg";
import { authenticate, lockedUsernames, unlockLogin } from "../../lib/auth/authenticate";
import { getDb } from "../../lib/db";
import { actorOf, createUser, TEST_PASSWORD } from "../factories";

const wrong = (username: string) => authenticate({ username, password: "wrong-password", ip: "10.0.0.1" });

/** Moves every security event of the user `minutes` into the past (as if time had passed). */
async function ago(username: string, minutes: number) {
  const rows = await getDb().securityEvent.findMany({ where: { username }, select: { id: true, createdAt: true } });
  for (const r of rows)
    await getDb().securityEvent.update({
      where: { id: r.id },
      data: { createdAt: new Date(r.createdAt.getTime() - minutes * 60_000) },
    });
}

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

  it("locks a username after five failures, even for the right password", async () => {
    const u = await createUser();
    for (let i = 0; i < 4; i++) await expect(wrong(u.username)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
    await expect(wrong(u.username)).rejects.toMatchObject({ code: "ACCOUNT_LOCKED", params: { minutes: 1 } });
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

  it("unlocks when the lock has run out", async () => {
    const u = await createUser();
    for (let i = 0; i < 5; i++) await wrong(u.username).catch(() => undefined);
    await expect(authenticate({ username: u.username, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: "ACCOUNT_LOCKED",
    });
    await ago(u.username, 2);
    await expect(authenticate({ username: u.username, password: TEST_PASSWORD })).resolves.toMatchObject({ id: u.id });
  });

  it("a guesser waits longer at each run of failures: 1, 2, 4 minutes", async () => {
    const u = await createUser();
    for (const minutes of [1, 2, 4]) {
      for (let i = 0; i < 4; i++) await expect(wrong(u.username)).rejects.toMatchObject({ code: "UNAUTHENTICATED" });
      await expect(wrong(u.username)).rejects.toMatchObject({ code: "ACCOUNT_LOCKED", params: { minutes } });
      await expect(wrong(u.username)).rejects.toMatchObject({ code: "ACCOUNT_LOCKED" });
      // The lock runs out (the clock moves: every event of the user a little older than the lock).
      await ago(u.username, minutes + 0.1);
    }
  });

  it("an admin lifts the lock; anyone can no longer keep the admin out", async () => {
    const admin = await createUser({ role: "ADMIN" });
    for (let i = 0; i < 5; i++) await wrong(admin.username).catch(() => undefined);
    await expect(authenticate({ username: admin.username, password: TEST_PASSWORD })).rejects.toMatchObject({
      code: "ACCOUNT_LOCKED",
    });
    const other = await createUser({ role: "ADMIN" });
    await expect(
      unlockLogin({ actor: actorOf(await createUser({ role: "STAFF" })), id: admin.id }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    await unlockLogin({ actor: actorOf(other), id: admin.id });
    expect(await lockedUsernames([admin.username])).toEqual(new Set());
    await expect(authenticate({ username: admin.username, password: TEST_PASSWORD })).resolves.toMatchObject({
      id: admin.id,
    });
    expect((await events(admin.username)).map((e) => e.type)).toContain("LOGIN_UNLOCKED");
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

  it("checks the password before its transaction: no connection or username lock is held meanwhile", async () => {
    // A slow hash (cost 13: hundreds of ms) and the username's lock held elsewhere. While the
    // hash is checked, no session of the sign-in may wait for that lock (inside the transaction,
    // as it was, 50 sign-ins at once filled the pool: npm run loadtest). Then it goes through.
    const u = await createUser();
    await getDb().user.update({ where: { id: u.id }, data: { passwordHash: bcrypt.hashSync(TEST_PASSWORD, 13) } });
    const holder = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await holder.connect();
    try {
      await holder.query("begin");
      await holder.query("select pg_advisory_xact_lock(hashtext($1))", [`login:${u.username}`]);
      const waiting = async () =>
        Number(
          (
            await holder.query(
              `select count(*) as n from pg_stat_activity where datname = current_database()
                 and wait_event_type = 'Lock' and wait_event = 'advisory'`,
            )
          ).rows[0].n,
        );
      const signIn = authenticate({ username: u.username, password: TEST_PASSWORD });
      await new Promise((r) => setTimeout(r, 250));
      const checking = await waiting();
      expect(checking).toBe(0);
      // It then waits for the lock like any sign-in of that username, and succeeds once it is free.
      const deadline = Date.now() + 30_000;
      while ((await waiting()) === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      expect(await waiting()).toBe(1);
      await holder.query("commit");
      await expect(signIn).resolves.toMatchObject({ id: u.id });
    } finally {
      await holder.end();
    }
  }, 60_000);
});
