import { GET as me } from "../../app/api/v1/me/route";
import { GET as listTokens, POST as createTokenRoute } from "../../app/api/v1/tokens/route";
import { DELETE as revokeRoute } from "../../app/api/v1/tokens/[id]/route";
import { POST as createUserRoute } from "../../app/api/v1/users/route";
import { getDb } from "../../lib/db";
import { updateUser } from "../../lib/users/update-user";
import { apiRequest, createActor, createUser, routeParams, sessionCookie } from "../factories";

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe("personal API tokens", () => {
  it("are shown once, stored hashed, act with the owner's role, and stop when revoked", async () => {
    const staff = await createUser({ role: "STAFF" });
    const cookie = await sessionCookie(staff);
    const created = await createTokenRoute(
      apiRequest("/api/v1/tokens", { method: "POST", cookie, body: { name: "数据中心对接" } }),
    );
    expect(created.status).toBe(201);
    const { id, token, prefix } = await created.json();
    expect(token).toMatch(/^zs_/);
    expect(token.startsWith(prefix)).toBe(true);
    const stored = await getDb().apiToken.findUniqueOrThrow({ where: { id } });
    expect(stored.tokenHash).not.toContain(token);
    expect(JSON.stringify(await (await listTokens(apiRequest("/api/v1/tokens", { cookie }))).json())).not.toContain(
      token,
    );

    const meRes = await me(apiRequest("/api/v1/me", { headers: bearer(token) }));
    expect(meRes.status).toBe(200);
    expect((await meRes.json()).username).toBe(staff.username);
    // The token carries no more than its owner's role.
    const forbidden = await createUserRoute(
      apiRequest("/api/v1/users", {
        method: "POST",
        headers: bearer(token),
        body: { username: "viatoken", displayName: "x", password: "Abcdef12", role: "ADMIN" },
      }),
    );
    expect(forbidden.status).toBe(403);

    const revoked = await revokeRoute(
      apiRequest(`/api/v1/tokens/${id}`, { method: "DELETE", cookie }),
      routeParams({ id }),
    );
    expect(revoked.status).toBe(200);
    expect((await me(apiRequest("/api/v1/me", { headers: bearer(token) }))).status).toBe(401);
  });

  it("refuses unknown, malformed and deactivated owners' tokens", async () => {
    expect((await me(apiRequest("/api/v1/me", { headers: bearer("zs_nope") }))).status).toBe(401);
    expect((await me(apiRequest("/api/v1/me", { headers: { authorization: "Basic abc" } }))).status).toBe(401);
    const u = await createUser({ role: "LEADER" });
    const res = await createTokenRoute(
      apiRequest("/api/v1/tokens", { method: "POST", cookie: await sessionCookie(u), body: { name: "t" } }),
    );
    const { token } = await res.json();
    await updateUser({ actor: await createActor("ADMIN"), id: u.id, input: { active: false, version: u.version } });
    expect((await me(apiRequest("/api/v1/me", { headers: bearer(token) }))).status).toBe(401);
  });

  it("another user's token cannot be revoked (404)", async () => {
    const a = await createUser();
    const b = await createUser();
    const res = await createTokenRoute(
      apiRequest("/api/v1/tokens", { method: "POST", cookie: await sessionCookie(a), body: { name: "a" } }),
    );
    const { id } = await res.json();
    const other = await revokeRoute(
      apiRequest(`/api/v1/tokens/${id}`, { method: "DELETE", cookie: await sessionCookie(b) }),
      routeParams({ id }),
    );
    expect(other.status).toBe(404);
    expect((await getDb().apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
  });
});
