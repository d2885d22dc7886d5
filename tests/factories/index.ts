// Test data built through the real database (no mocks).
import crypto from "node:crypto";
import bcrypt from "bcryptjs";
import { encode } from "next-auth/jwt";
import { getDb } from "../../lib/db";
import { toActor, type Actor, type Role } from "../../lib/auth/permissions";

const fastHash = bcrypt.hashSync("Test@12345", 4);
export const TEST_PASSWORD = "Test@12345";

let counter = 0;
const uniq = () => `${Date.now().toString(36)}${(counter++).toString(36)}${crypto.randomBytes(2).toString("hex")}`;

export async function createDepartment(overrides: { name?: string; kind?: "BUREAU" | "PERMIT" | "OTHER" } = {}) {
  const id = uniq();
  return getDb().department.create({
    data: { code: `D${id}`, name: overrides.name ?? `部门${id}`, kind: overrides.kind ?? "OTHER" },
  });
}

export async function createUser(
  overrides: {
    role?: Role;
    username?: string;
    active?: boolean;
    departmentId?: string | null;
    displayName?: string;
  } = {},
) {
  const username = overrides.username ?? `u${uniq()}`;
  return getDb().user.create({
    data: {
      username,
      displayName: overrides.displayName ?? `用户${username}`,
      passwordHash: fastHash,
      role: overrides.role ?? "STAFF",
      active: overrides.active ?? true,
      departmentId: overrides.departmentId ?? null,
    },
    include: { department: true },
  });
}

export function actorOf(u: Awaited<ReturnType<typeof createUser>>): Actor {
  return toActor(u);
}

export async function createActor(role: Role = "STAFF") {
  return actorOf(await createUser({ role }));
}

export async function createIndustry() {
  const id = uniq();
  return getDb().industry.create({ data: { code: `I${id}`, name: `产业${id}` } });
}

export async function createPark() {
  const id = uniq();
  return getDb().park.create({ data: { code: `P${id}`, name: `园区${id}` } });
}

export async function createProject(
  overrides: Partial<{
    code: string;
    name: string;
    enterpriseName: string;
    stage: "LEAD" | "NEGOTIATING" | "SIGNED" | "CONSTRUCTION" | "PRODUCTION";
    totalInvestment: string;
    ownerId: string;
    leaderId: string | null;
    industryId: string;
    parkId: string | null;
  }> = {},
) {
  const id = uniq();
  const industryId = overrides.industryId ?? (await createIndustry()).id;
  const ownerId = overrides.ownerId ?? (await createUser({ role: "STAFF" })).id;
  return getDb().project.create({
    data: {
      code: overrides.code ?? `T-${id}`,
      name: overrides.name ?? `测试项目${id}`,
      enterpriseName: overrides.enterpriseName ?? `测试企业${id}有限公司`,
      industryId,
      parkId: overrides.parkId ?? null,
      totalInvestment: overrides.totalInvestment ?? "1000.00",
      stage: overrides.stage ?? "LEAD",
      ownerId,
      leaderId: overrides.leaderId ?? null,
    },
  });
}

/**
 * A permit item of the department on the project's 七证合一 case (the case opened and in
 * review when the project has none yet), of a permit type made for it.
 */
export async function createPermitItem({ projectId, departmentId }: { projectId: string; departmentId: string }) {
  const id = uniq();
  const db = getDb();
  const type = await db.permitType.create({
    data: { code: `PT${id}`, name: `许可${id}`, departmentId, statutoryDays: 20, fastTrackDays: 5 },
  });
  const project = await db.project.findUniqueOrThrow({ where: { id: projectId }, select: { ownerId: true } });
  const permitCase =
    (await db.permitCase.findUnique({ where: { projectId } })) ??
    (await db.permitCase.create({
      data: { projectId, state: "IN_REVIEW", applicant: "申请企业", openedById: project.ownerId },
    }));
  const today = new Date(`${new Date().toISOString().slice(0, 10)}T00:00:00Z`);
  return db.permitItem.create({
    data: {
      caseId: permitCase.id,
      permitTypeId: type.id,
      departmentId,
      limitDays: 20,
      startDate: today,
      dueDate: today,
    },
  });
}

/** A session cookie exactly as next-auth issues it after login (with its server-side session row). */
export async function sessionCookie(user: { id: string }, opts: { authTime?: number; maxAge?: number } = {}) {
  const sid = (await getDb().userSession.create({ data: { userId: user.id } })).id;
  const token = await encode({
    token: { uid: user.id, sid, authTime: opts.authTime ?? Math.floor(Date.now() / 1000) },
    secret: process.env.NEXTAUTH_SECRET!,
    maxAge: opts.maxAge ?? 8 * 3600,
  });
  return `next-auth.session-token=${token}`;
}

/** A request to a route handler, optionally signed in. */
export function apiRequest(
  path: string,
  init: { method?: string; cookie?: string; body?: unknown; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...(init.headers ?? {}) };
  if (init.cookie) headers.cookie = init.cookie;
  // The app's own pages send their origin with every change (a test of cross-site requests sets another).
  const method = (init.method ?? "GET").toUpperCase();
  if (init.cookie && !["GET", "HEAD"].includes(method) && !("origin" in headers)) headers.origin = "http://localhost";
  if (init.body !== undefined) headers["content-type"] = "application/json";
  return new Request(`http://localhost${path}`, {
    method: init.method ?? "GET",
    headers,
    body: init.body === undefined ? undefined : typeof init.body === "string" ? init.body : JSON.stringify(init.body),
  });
}

export function routeParams<P>(params: P) {
  return { params: Promise.resolve(params) };
}

/** Calls a route handler as Next.js would (with `{id}` as its route parameter) and reads the JSON answer. */
export async function callRoute(
  handler: (req: Request, ctx: never) => Promise<Response>,
  path: string,
  opts: { method?: string; cookie?: string; body?: unknown; id?: string; headers?: Record<string, string> } = {},
) {
  const res = await handler(apiRequest(path, opts), routeParams({ id: opts.id ?? "" }) as never);
  return { status: res.status, body: await res.json() };
}
