// What `npm run loadtest` proves after the load, each check a list of failures (empty: passed):
// - the answers: no 5xx, no 401, no network error, every read 2xx, every write 2xx / 409 / 422;
// - no lost update: for every project, permit item and notice written, the stored version has
//   moved by exactly the client's successful writes, its audit rows are those writes, and the
//   last edit's value is the stored one; a refused write changed nothing;
// - sessions valid on both instances: every user's requests were served by both;
// - each scheduled job ran once per slot (pg-boss's job table and the job_runs guard), not once
//   per instance.
import type pg from "pg";
import { dailyTimePassed, jobSlot } from "../lib/jobs/slot";
import { queueDefinitions, type QueueName } from "../lib/jobs/queues";
import { kinds, percentile, writeKinds, type Applied, type HotProject, type Kind, type Sample } from "./loadtest-users";

export type Snapshot = {
  projects: Map<string, { version: number }>;
  items: Map<string, { version: number }>;
  notices: Map<string, { version: number }>;
};

/** The versions before the load: the hot projects, every permit item and every notice. */
export async function takeSnapshot(sql: pg.Client, hot: HotProject[]): Promise<Snapshot> {
  const rows = async (q: string, params: unknown[] = []) =>
    new Map(
      (await sql.query<{ id: string; version: number }>(q, params)).rows.map((r) => [r.id, { version: r.version }]),
    );
  return {
    projects: await rows(`select id, version from projects where id = any($1)`, [hot.map((p) => p.id)]),
    items: await rows(`select id, version from permit_items`),
    notices: await rows(`select id, version from supervision_notices`),
  };
}

const count = <K>(keys: K[]) => {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};

/**
 * Writes to a record (its id in the path) that got no definite answer: no response at all, or
 * HAProxy's own 502/503/504. Such a write may or may not have been applied (the client cannot
 * know): the checks allow it either way, and require everything else to match exactly.
 */
function unanswered(samples: Sample[], id: string): number {
  return samples.filter(
    (s) => writeKinds.has(s.kind) && s.path.includes(id) && (s.status === 0 || (s.server === null && s.status >= 500)),
  ).length;
}

export type KindStats = {
  kind: Kind;
  n: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  statuses: string;
};

export function kindStats(samples: Sample[], seconds: number): KindStats[] {
  return kinds.flatMap((kind) => {
    const of = samples.filter((s) => s.kind === kind);
    if (!of.length) return [];
    const ms = of.map((s) => s.ms).sort((a, b) => a - b);
    const statuses = [...count(of.map((s) => s.status))]
      .sort(([a], [b]) => a - b)
      .map(([st, n]) => `${st === 0 ? "error" : st}×${n}`)
      .join(" ");
    return [
      {
        kind,
        n: of.length,
        perSecond: of.length / seconds,
        p50: percentile(ms, 50),
        p95: percentile(ms, 95),
        p99: percentile(ms, 99),
        statuses,
      },
    ];
  });
}

/** No 5xx, no 401, no request without an answer; reads 2xx; writes 2xx, 409 or 422. */
export function checkAnswers(samples: Sample[]): string[] {
  const bad = samples.filter((s) => {
    if (s.status === 0 || s.status >= 500 || s.status === 401) return true;
    if (s.kind === "login") return s.status >= 400;
    if (writeKinds.has(s.kind)) return !(s.status < 300 || s.status === 409 || s.status === 422);
    return s.status >= 300;
  });
  const groups = count(bad.map((s) => `${s.kind} ${s.status === 0 ? "no answer" : s.status}`));
  return [...groups].map(([what, n]) => {
    const example = bad.find((s) => `${s.kind} ${s.status === 0 ? "no answer" : s.status}` === what);
    const at = example ? new Date(example.at).toISOString().slice(11, 23) : "";
    return `${n}× ${what} (e.g. ${at} +${Math.round(example?.ms ?? 0)} ms ${example?.user} via ${example?.server ?? "haproxy"}: ${example?.error ?? ""})`.slice(
      0,
      400,
    );
  });
}

/**
 * Every user's authenticated requests were served by both instances (a session made through
 * one is valid on the other: one shared NEXTAUTH_SECRET); the counts per instance.
 */
export function checkSessions(samples: Sample[], servers: string[], loginServer: Map<string, string | null>) {
  const failures: string[] = [];
  const authed = samples.filter((s) => s.kind !== "login" && s.status >= 200 && s.status < 300);
  const perServer = count(authed.map((s) => s.server ?? "?"));
  for (const name of servers) if (!perServer.get(name)) failures.push(`${name} served no authenticated request`);
  const byUser = new Map<string, Set<string>>();
  for (const s of authed) byUser.set(s.user, (byUser.get(s.user) ?? new Set()).add(s.server ?? "?"));
  let crossed = 0;
  for (const s of authed) if (s.server && loginServer.get(s.user) && s.server !== loginServer.get(s.user)) crossed++;
  const users = [...byUser];
  const onBoth = users.filter(([, seen]) => servers.every((n) => seen.has(n)));
  // A user with a handful of requests may by chance have met one instance only: those with 10 or more must not.
  const busy = users.filter(([u]) => authed.filter((s) => s.user === u).length >= 10);
  for (const [u, seen] of busy)
    if (!servers.every((n) => seen.has(n))) failures.push(`${u}: authenticated only on ${[...seen].join(", ")}`);
  return { failures, perServer, users: users.length, onBoth: onBoth.length, crossed };
}

/**
 * No lost update on the hot projects: the version moved by exactly the writes applied (their
 * audit rows: update, stage:…; an evidence upload adds attachment:add), those are the client's
 * acknowledged edits and moves (plus at most the writes whose answer never came), the versions
 * the writes answered are distinct and within the move, and the stored description is the last
 * acknowledged edit's.
 */
export async function checkProjects(
  sql: pg.Client,
  snap: Snapshot,
  applied: Applied[],
  since: Date,
  samples: Sample[],
) {
  const failures: string[] = [];
  const ids = [...snap.projects.keys()];
  const now = new Map(
    (
      await sql.query<{ id: string; version: number; description: string | null }>(
        `select id, version, description from projects where id = any($1)`,
        [ids],
      )
    ).rows.map((r) => [r.id, r]),
  );
  const auditRows = (
    await sql.query<{ entityId: string; action: string; username: string | null; createdAt: Date }>(
      `select a."entityId", a.action, u.username, a."createdAt" from audit_logs a left join users u on u.id = a."actorId"
       where a."entityType" = 'Project' and a."entityId" = any($1) and a."createdAt" >= $2
         and (a.action = 'update' or a.action like 'stage:%') order by a."createdAt"`,
      [ids, since],
    )
  ).rows;
  const audits = count(auditRows.map((r) => r.entityId));
  const time = (d: Date | number) => new Date(d).toISOString().slice(11, 23);
  /** What the client sent to a project and what the audit log holds, for a failure's message. */
  const story = (id: string) =>
    `\n      client: ${samples
      .filter((s) => s.method !== "GET" && s.path.includes(id))
      .map((s) => `${s.method} ${s.kind} ${s.user} ${time(s.at)} → ${s.status || s.error} (${s.server ?? "?"})`)
      .join("; ")}` +
    `\n      audit: ${auditRows
      .filter((r) => r.entityId === id)
      .map((r) => `${r.action} ${r.username} ${time(r.createdAt)}`)
      .join("; ")}`;
  let writes = 0;
  let touched = 0;
  for (const id of ids) {
    const mine = applied.filter(
      (a): a is Extract<Applied, { kind: "edit" | "stage" }> =>
        (a.kind === "edit" || a.kind === "stage") && a.projectId === id,
    );
    writes += mine.length;
    if (mine.length) touched++;
    const before = snap.projects.get(id)!.version;
    const after = now.get(id)!;
    const audited = audits.get(id) ?? 0;
    const unknown = unanswered(samples, id);
    // Every applied write moved the version by one (none overwritten without it).
    if (after.version - before !== audited)
      failures.push(`project ${id}: version ${before} → ${after.version}, but ${audited} writes audited${story(id)}`);
    // The applied writes are the acknowledged ones, plus at most those whose answer was lost.
    if (audited < mine.length || audited > mine.length + unknown)
      failures.push(
        `project ${id}: ${audited} writes audited, ${mine.length} acknowledged, ${unknown} unanswered${story(id)}`,
      );
    const answered = mine.map((a) => a.version);
    if (new Set(answered).size !== answered.length || answered.some((v) => v <= before || v > after.version))
      failures.push(`project ${id}: the writes answered versions ${answered.join(",")} (${before} → ${after.version})`);
    // The stored text is the last acknowledged edit's (when every applied write was acknowledged).
    const edits = mine.filter((a) => a.kind === "edit").sort((a, b) => b.version - a.version);
    if (edits.length && audited === mine.length && after.description !== edits[0].description)
      failures.push(
        `project ${id}: description "${after.description}", last successful edit wrote "${edits[0].description}"`,
      );
  }
  return { failures, projects: ids.length, touched, writes };
}

/**
 * Permit decisions: an item's version moved by exactly the decisions applied (audit rows; at
 * most one APPROVE each, with its APPROVED timeline event), those being the acknowledged ones
 * (plus at most the unanswered); items nobody decided are unchanged.
 */
export async function checkPermitItems(
  sql: pg.Client,
  snap: Snapshot,
  applied: Applied[],
  since: Date,
  samples: Sample[],
) {
  const failures: string[] = [];
  const decided = count(applied.flatMap((a) => (a.kind === "decision" ? [a.itemId] : [])));
  const now = (await sql.query<{ id: string; version: number }>(`select id, version from permit_items`)).rows;
  const audits = count(
    (
      await sql.query<{ itemId: string }>(
        `select before->>'itemId' as "itemId" from audit_logs
         where "entityType" = 'PermitCase' and action like 'item:%' and "createdAt" >= $1`,
        [since],
      )
    ).rows.map((r) => r.itemId),
  );
  const events = count(
    (
      await sql.query<{ itemId: string }>(
        `select "itemId" from permit_events where type = 'APPROVED' and "createdAt" >= $1`,
        [since],
      )
    ).rows.map((r) => r.itemId),
  );
  for (const [id, n] of decided) if (n > 1) failures.push(`permit item ${id}: approved ${n} times`);
  for (const row of now) {
    const before = snap.items.get(row.id)?.version;
    if (before === undefined) continue;
    const n = decided.get(row.id) ?? 0;
    const audited = audits.get(row.id) ?? 0;
    if (row.version - before !== audited)
      failures.push(`permit item ${row.id}: version ${before} → ${row.version}, but ${audited} decisions audited`);
    if (audited < n || audited > n + unanswered(samples, row.id))
      failures.push(`permit item ${row.id}: ${audited} decisions audited, ${n} acknowledged`);
    if (audited > 1) failures.push(`permit item ${row.id}: approved ${audited} times`);
    if ((events.get(row.id) ?? 0) !== audited)
      failures.push(`permit item ${row.id}: ${events.get(row.id) ?? 0} APPROVED events for ${audited} decisions`);
  }
  return { failures, decided: decided.size };
}

/**
 * Notices: each issued one exists once with its issue audit row; a notice's version moved by
 * exactly the replies and rejections applied (audit rows), those being the acknowledged ones
 * (plus at most the unanswered); every uploaded attachment is stored, and each successful reply
 * linked its own.
 */
export async function checkNotices(sql: pg.Client, snap: Snapshot, applied: Applied[], since: Date, samples: Sample[]) {
  const failures: string[] = [];
  const issued = applied.flatMap((a) => (a.kind === "issue" ? [a] : []));
  const initial = new Map([...snap.notices].map(([id, v]) => [id, v.version]));
  for (const a of issued) {
    if (initial.has(a.noticeId)) failures.push(`notice ${a.noticeId} answered as issued twice`);
    initial.set(a.noticeId, a.version);
  }
  const changes = count(applied.flatMap((a) => (a.kind === "reply" || a.kind === "reject" ? [a.noticeId] : [])));
  const now = new Map(
    (await sql.query<{ id: string; version: number }>(`select id, version from supervision_notices`)).rows.map((r) => [
      r.id,
      r.version,
    ]),
  );
  const audit = (
    await sql.query<{ entityId: string; action: string }>(
      `select "entityId", action from audit_logs where "entityType" = 'SupervisionNotice' and "createdAt" >= $1`,
      [since],
    )
  ).rows;
  const changeAudits = count(audit.filter((r) => r.action === "reply" || r.action === "reject").map((r) => r.entityId));
  const issueAudits = count(audit.filter((r) => r.action === "issue").map((r) => r.entityId));
  for (const a of issued)
    if (issueAudits.get(a.noticeId) !== 1)
      failures.push(`notice ${a.noticeId}: ${issueAudits.get(a.noticeId) ?? 0} issue audit rows`);
  const lostIssues = samples.filter(
    (s) => s.kind === "issue" && (s.status === 0 || (s.server === null && s.status >= 500)),
  ).length;
  if (issueAudits.size < issued.length || issueAudits.size > issued.length + lostIssues)
    failures.push(`${issueAudits.size} notices issued in the database, ${issued.length} answered 201`);
  for (const [id, before] of initial) {
    const n = changes.get(id) ?? 0;
    const after = now.get(id);
    const audited = changeAudits.get(id) ?? 0;
    if (after === undefined || after - before !== audited)
      failures.push(`notice ${id}: version ${before} → ${after}, but ${audited} replies/rejections audited`);
    if (audited < n || audited > n + unanswered(samples, id))
      failures.push(`notice ${id}: ${audited} replies/rejections audited, ${n} acknowledged`);
  }
  const uploads = applied.flatMap((a) => (a.kind === "upload" ? [a.attachmentId] : []));
  const stored = new Map(
    (
      await sql.query<{ id: string; noticeId: string | null }>(
        `select id, "noticeId" from attachments where id = any($1)`,
        [uploads],
      )
    ).rows.map((r) => [r.id, r.noticeId]),
  );
  if (stored.size !== uploads.length) failures.push(`${uploads.length} uploads answered 201, ${stored.size} stored`);
  for (const a of applied)
    if (a.kind === "reply" && !stored.get(a.attachmentId!))
      failures.push(`notice ${a.noticeId}: the reply's evidence ${a.attachmentId} is not linked`);
  return { failures, issued: issued.length, changed: changes.size };
}

/**
 * Waits (up to `ms`) until the scheduled jobs sent since `since` have ended: the catch-up each
 * instance sends at its start (today's daily runs, when their time has passed) works through
 * every project, and the load is measured beside the day's ordinary work, not beside that.
 * Answers how long it waited, ms.
 */
export async function waitForStartupJobs(sql: pg.Client, since: Date, ms: number): Promise<number> {
  const started = Date.now();
  // The daily queues whose time has come today: each instance sends one at its start (runner.ts).
  const due = Object.values(queueDefinitions)
    .filter((q) => q.cron && q.once === "day" && dailyTimePassed(q.cron, new Date()))
    .map((q) => q.name);
  while (Date.now() - started < ms) {
    const rows = (
      await sql.query<{ name: string; state: string }>(
        `select name, state from pgboss.job where (data->>'scheduled')::boolean and created_on >= $1`,
        [since],
      )
    ).rows;
    const open = rows.some((r) => ["created", "retry", "active"].includes(r.state));
    const done = due.every((q) => rows.some((r) => r.name === q && r.state === "completed"));
    if (!open && done) break;
    await new Promise((r) => setTimeout(r, 500));
  }
  return Date.now() - started;
}

type JobRow = {
  id: string;
  name: string;
  state: string;
  created_on: Date;
  output: Record<string, unknown> | null;
  ms: number | null;
};
export type SlotRuns = {
  queue: string;
  slot: string;
  jobs: number;
  ran: number;
  skipped: number;
  open: number;
  /** How long the run took (pg-boss's started_on → completed_on), ms. */
  ms?: number | null;
};

/**
 * The scheduled jobs sent since `since` (cron, and the daily catch-up each instance sends at its
 * start), by queue and slot: each slot ran exactly once — the other jobs of the slot were
 * skipped by the once-only guard — and job_runs holds one row for it; the every-minute
 * schedules fired. Waits (up to `waitMs`) for jobs still queued or running to end.
 */
export async function checkJobs(sql: pg.Client, since: Date, waitMs: number) {
  const failures: string[] = [];
  const scheduled = Object.values(queueDefinitions).filter((q) => q.cron && q.once);
  const read = async () =>
    (
      await sql.query<JobRow>(
        `select id, name, state, created_on, output,
           extract(epoch from (completed_on - started_on))::float * 1000 as ms from pgboss.job
         where name = any($1) and (data->>'scheduled')::boolean and created_on >= $2 order by created_on`,
        [scheduled.map((q) => q.name), since],
      )
    ).rows;
  const minuteQueues = scheduled.filter((q) => q.once === "minute").map((q) => q.name);
  // Settled: nothing queued or running, and each every-minute schedule has fired and run (a
  // short run may end before the first minute's cron: it waits for it).
  const settled = (rows: JobRow[]) =>
    !rows.some((r) => ["created", "retry", "active"].includes(r.state)) &&
    minuteQueues.every((q) => rows.some((r) => r.name === q && r.state === "completed"));
  let rows = await read();
  const until = Date.now() + waitMs;
  while (!settled(rows) && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 1000));
    rows = await read();
  }
  const slots = new Map<string, SlotRuns>();
  for (const r of rows) {
    const once = queueDefinitions[r.name as QueueName].once!;
    const slot = typeof r.output?.slot === "string" ? r.output.slot : jobSlot(r.created_on, once);
    const key = `${r.name} ${slot}`;
    const s = slots.get(key) ?? { queue: r.name, slot, jobs: 0, ran: 0, skipped: 0, open: 0 };
    s.jobs++;
    if (r.state === "completed") {
      if (r.output?.skipped) s.skipped++;
      else {
        s.ran++;
        s.ms = r.ms;
      }
    } else if (r.state === "failed" || r.state === "cancelled")
      failures.push(`${r.name} job ${r.id} (${slot}) ${r.state}: ${JSON.stringify(r.output).slice(0, 200)}`);
    else s.open++;
    slots.set(key, s);
  }
  const guard = new Map(
    (
      await sql.query<{ name: string; slot: string; n: number }>(
        `select name, slot, count(*)::int as n from job_runs group by name, slot`,
      )
    ).rows.map((r) => [`${r.name} ${r.slot}`, r.n]),
  );
  for (const [key, s] of slots) {
    if (s.ran > 1) failures.push(`${key}: ran ${s.ran} times`);
    if (s.ran === 0 && s.open === 0) failures.push(`${key}: never ran (${s.skipped} skipped)`);
    if (s.open) failures.push(`${key}: ${s.open} job(s) still queued or running after the wait`);
    if (s.ran === 1 && guard.get(key) !== 1) failures.push(`${key}: ${guard.get(key) ?? 0} job_runs rows`);
  }
  for (const q of minuteQueues)
    if (![...slots.values()].some((s) => s.queue === q && s.ran === 1))
      failures.push(`${q}: no minute slot ran (the schedule did not fire within ${waitMs / 1000} s after the load)`);
  return { failures, slots: [...slots.values()] };
}
