// The virtual users of `npm run loadtest`: each signs in through the proxy (next-auth's
// credentials callback, as the login page does) and then, until the time is up, does what its
// role does in the app, through the JSON API with its session cookie and the app's origin:
//   STAFF    grid reads, edits and stage moves of the projects it owns, notice replies
//            (evidence uploaded first);
//   LEADER   the same on the projects it leads;
//   MANAGER  grid reads, edits and stage moves of any of those projects, notices issued and
//            replies sent back (reject);
//   APPROVER its inbox and decisions (APPROVE) on its department's pending permit items.
// Every edit, move and decision carries the `version` it was read at; several users act on the
// same records, so some are refused (409 stale version, 422 the rule). Every answer is recorded
// with its kind, status, time and the instance that served it (HAProxy's X-Served-By).
import { shanghaiToday } from "../lib/dates";

export type Role = "STAFF" | "LEADER" | "MANAGER" | "APPROVER";
export type LoadUser = { id: string; username: string; role: Role };

export const kinds = [
  "login",
  "grid",
  "project",
  "edit",
  "stage",
  "inbox",
  "decision",
  "notices",
  "upload",
  "reply",
  "issue",
  "reject",
] as const;
export type Kind = (typeof kinds)[number];
/** Kinds that change data: each must be applied (2xx) or refused with 409 / 422. */
export const writeKinds: ReadonlySet<Kind> = new Set([
  "edit",
  "stage",
  "decision",
  "upload",
  "reply",
  "issue",
  "reject",
]);

export type Sample = {
  kind: Kind;
  user: string;
  status: number;
  ms: number;
  /** The instance that answered (X-Served-By), null when HAProxy itself answered or nothing did. */
  server: string | null;
  /** When it was sent (ms since the epoch). */
  at: number;
  method: string;
  path: string;
  error?: string;
};

/** A successful write, as the client saw it: what the no-lost-update checks compare with the database. */
export type Applied =
  | { kind: "edit"; projectId: string; version: number; description: string }
  | { kind: "stage"; projectId: string; version: number }
  | { kind: "decision"; itemId: string }
  | { kind: "upload"; attachmentId: string }
  | { kind: "reply" | "reject"; noticeId: string; attachmentId?: string }
  | { kind: "issue"; noticeId: string; version: number };

export type HotProject = { id: string; ownerId: string; leaderId: string };

export type World = {
  base: string;
  password: string;
  /** The projects the staff, leaders and managers edit and move. */
  hot: HotProject[];
  samples: Sample[];
  applied: Applied[];
  /** The instance that served each user's sign-in (the credentials callback). */
  loginServer: Map<string, string | null>;
  thinkMs: number;
  /** Users sign in at random moments within the first `rampMs`. */
  rampMs: number;
};

const pick = <T>(xs: readonly T[]): T | undefined =>
  xs.length ? xs[Math.floor(Math.random() * xs.length)] : undefined;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let counter = 0;

type Answer = { status: number; body: Record<string, unknown> | null };

/** One user's browser: a cookie jar, the requests it sends, what it records. */
class Client {
  private cookies = new Map<string, string>();

  constructor(
    private readonly world: World,
    readonly user: LoadUser,
  ) {}

  private absorb(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(";");
      const i = pair.indexOf("=");
      const name = pair.slice(0, i).trim();
      const value = pair.slice(i + 1).trim();
      const expired = attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || value === "";
      if (expired) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  hasSession() {
    return [...this.cookies.keys()].some((k) => k.endsWith("next-auth.session-token"));
  }

  async send(kind: Kind, method: string, path: string, body?: unknown): Promise<Answer> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join("; ") };
    let payload: BodyInit | undefined;
    if (method !== "GET") headers.origin = this.world.base;
    if (body instanceof FormData || body instanceof URLSearchParams) payload = body;
    else if (body !== undefined) {
      headers["content-type"] = "application/json";
      payload = JSON.stringify(body);
    }
    const started = performance.now();
    const sample: Sample = {
      kind,
      user: this.user.username,
      status: 0,
      ms: 0,
      server: null,
      at: Date.now(),
      method,
      path,
    };
    try {
      const res = await fetch(this.world.base + path, {
        method,
        headers,
        body: payload,
        redirect: "manual",
        signal: AbortSignal.timeout(60_000),
      });
      this.absorb(res);
      const text = await res.text();
      sample.status = res.status;
      sample.server = res.headers.get("x-served-by");
      sample.ms = performance.now() - started;
      let json: Record<string, unknown> | null = null;
      try {
        json = text ? (JSON.parse(text) as Record<string, unknown>) : null;
      } catch {
        json = null;
      }
      if (res.status >= 500 || res.status === 401)
        sample.error = text.slice(0, 300) || `HTTP ${res.status} from ${sample.server ?? "haproxy"}`;
      this.world.samples.push(sample);
      return { status: res.status, body: json };
    } catch (err) {
      sample.ms = performance.now() - started;
      // undici's "fetch failed" says why in its cause (a reset, a closed socket, a timeout).
      const cause = err instanceof Error ? (err.cause as { code?: string; message?: string } | undefined) : undefined;
      sample.error = `${err instanceof Error ? err.message : String(err)}${cause ? `: ${cause.code ?? ""} ${cause.message ?? ""}` : ""}`;
      this.world.samples.push(sample);
      return { status: 0, body: null };
    }
  }

  /** Signs in as the login page does: the CSRF token, then the credentials callback. */
  async login(): Promise<boolean> {
    const csrf = await this.send("login", "GET", "/api/auth/csrf");
    const token = csrf.body?.csrfToken;
    if (typeof token !== "string") return false;
    const form = new URLSearchParams({
      csrfToken: token,
      username: this.user.username,
      password: this.world.password,
      json: "true",
    });
    await this.send("login", "POST", "/api/auth/callback/credentials", form);
    this.world.loginServer.set(this.user.username, this.world.samples.at(-1)?.server ?? null);
    return this.hasSession();
  }
}

const ok = (a: Answer) => a.status >= 200 && a.status < 300;

async function gridRead(c: Client) {
  const q = new URLSearchParams();
  const r = Math.random();
  if (r < 0.3) q.set("stage", pick(["LEAD", "NEGOTIATING", "SIGNED", "APPROVING", "CONSTRUCTION"])!);
  else if (r < 0.45) q.set("mine", "true");
  else if (r < 0.6) q.set("q", pick(["海创", "华芯", "光电", "新材料", "储能", "机器人"])!);
  else if (r < 0.7) q.set("key", "true");
  if (Math.random() < 0.3) q.set("page", String(1 + Math.floor(Math.random() * 20)));
  if (Math.random() < 0.2) q.set("sort", pick(["totalInvestment", "code", "signingDate"])!);
  await c.send("grid", "GET", `/api/v1/projects?${q}`);
}

function projectsOf(w: World, u: LoadUser) {
  if (u.role === "STAFF") return w.hot.filter((p) => p.ownerId === u.id);
  if (u.role === "LEADER") return w.hot.filter((p) => p.leaderId === u.id);
  return w.hot;
}

async function readProject(c: Client, id: string) {
  const a = await c.send("project", "GET", `/api/v1/projects/${id}`);
  return ok(a) ? a.body : null;
}

async function edit(c: Client, w: World) {
  const target = pick(projectsOf(w, c.user));
  if (!target) return gridRead(c);
  const p = await readProject(c, target.id);
  if (!p) return;
  const description = `压测 ${c.user.username} #${++counter}`;
  const a = await c.send("edit", "PATCH", `/api/v1/projects/${target.id}`, { description, version: p.version });
  if (ok(a)) w.applied.push({ kind: "edit", projectId: target.id, version: Number(a.body?.version), description });
}

/** Suspends an open project, or resumes a suspended one to the stage it came from. */
async function moveStage(c: Client, w: World) {
  const target = pick(projectsOf(w, c.user));
  if (!target) return gridRead(c);
  const p = await readProject(c, target.id);
  if (!p) return;
  const body =
    p.stage === "SUSPENDED"
      ? { to: p.suspendedFrom, note: "", version: p.version }
      : { to: "SUSPENDED", note: "压测：企业暂缓投资计划", version: p.version };
  const a = await c.send("stage", "POST", `/api/v1/projects/${target.id}/transitions`, body);
  if (ok(a)) w.applied.push({ kind: "stage", projectId: target.id, version: Number(a.body?.version) });
}

/** A notice waiting for this user's reply: evidence uploaded to the project, then the reply. */
async function reply(c: Client, w: World) {
  const list = await c.send("notices", "GET", "/api/v1/notices?todo=true&state=ISSUED&pageSize=20");
  const n = pick(((list.body?.items as Record<string, unknown>[] | undefined) ?? []).filter((i) => i.todo));
  if (!n) return;
  const form = new FormData();
  const pdf = new TextEncoder().encode(`%PDF-1.4 压测整改材料 ${++counter}\n`);
  form.append("file", new Blob([pdf], { type: "application/pdf" }), "整改材料.pdf");
  form.append("category", "DOCUMENT");
  const up = await c.send("upload", "POST", `/api/v1/projects/${String(n.projectId)}/attachments`, form);
  if (!ok(up)) return;
  const attachmentId = String(up.body?.id);
  w.applied.push({ kind: "upload", attachmentId });
  const a = await c.send("reply", "POST", `/api/v1/notices/${String(n.id)}/reply`, {
    reply: "已落实整改措施，材料见附件",
    attachmentIds: [attachmentId],
    version: n.version,
  });
  if (ok(a)) w.applied.push({ kind: "reply", noticeId: String(n.id), attachmentId });
}

async function issue(c: Client, w: World) {
  const target = pick(w.hot);
  if (!target) return;
  const a = await c.send("issue", "POST", "/api/v1/notices", {
    projectId: target.id,
    subject: "加快项目推进",
    content: "请于期限内报送推进措施和佐证材料",
    replyDays: 3,
    resolveDays: 10,
  });
  if (ok(a)) w.applied.push({ kind: "issue", noticeId: String(a.body?.id), version: Number(a.body?.version) });
}

async function reject(c: Client, w: World) {
  const list = await c.send("notices", "GET", "/api/v1/notices?state=REPLIED&pageSize=20");
  const n = pick((list.body?.items as Record<string, unknown>[] | undefined) ?? []);
  if (!n) return;
  const a = await c.send("reject", "POST", `/api/v1/notices/${String(n.id)}/reject`, {
    reason: "佐证材料不足，请补充",
    version: n.version,
  });
  if (ok(a)) w.applied.push({ kind: "reject", noticeId: String(n.id) });
}

/** An approver's inbox, then a decision on one of the first items (others of the department pick them too). */
async function decide(c: Client, w: World) {
  const inbox = await c.send("inbox", "GET", "/api/v1/permit-items");
  const item = pick(((inbox.body?.items as Record<string, unknown>[] | undefined) ?? []).slice(0, 15));
  if (!item) return;
  const a = await c.send("decision", "POST", `/api/v1/permit-items/${String(item.id)}/decision`, {
    action: "APPROVE",
    certificateNo: `压测证-${++counter}`,
    certificateDate: shanghaiToday(),
    version: item.version,
  });
  if (ok(a)) w.applied.push({ kind: "decision", itemId: String(item.id) });
}

type Step = [weight: number, run: (c: Client, w: World) => Promise<void>];
const grid = (c: Client) => gridRead(c);
const mixes: Record<Role, Step[]> = {
  STAFF: [
    [40, grid],
    [25, edit],
    [15, moveStage],
    [20, reply],
  ],
  LEADER: [
    [40, grid],
    [20, edit],
    [10, moveStage],
    [30, reply],
  ],
  MANAGER: [
    [35, grid],
    [25, edit],
    [10, moveStage],
    [15, issue],
    [15, reject],
  ],
  APPROVER: [
    [15, grid],
    [85, decide],
  ],
};

function chooseStep(role: Role): Step[1] {
  const steps = mixes[role];
  let r = Math.random() * steps.reduce((n, [w]) => n + w, 0);
  for (const [weight, run] of steps) if ((r -= weight) < 0) return run;
  return steps[0][1];
}

/** One virtual user: signs in, then acts until `until` (ms since the epoch), thinking between steps. */
export async function runUser(w: World, user: LoadUser, until: number): Promise<{ signedIn: boolean }> {
  const c = new Client(w, user);
  // People arrive over the first seconds (the ramp), not all at the same instant.
  await sleep(Math.random() * w.rampMs);
  if (!(await c.login())) return { signedIn: false };
  while (Date.now() < until) {
    await chooseStep(user.role)(c, w);
    await sleep(Math.random() * 2 * w.thinkMs);
  }
  return { signedIn: true };
}

/** Percentile of sorted numbers (nearest rank). */
export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}
