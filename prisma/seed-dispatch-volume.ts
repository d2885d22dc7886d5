// Volume for the supervision benchmark: the year's plans (责任书, four milestones each) for the
// first N generated projects, cumulative progress entries spread over the year so far (some
// projects on plan, some behind, some without a start), and notifications over many users
// (the inbox's unread count). Deterministic (seeded PRNG), bulk-inserted like seed-volume.ts.
import crypto from "node:crypto";
import pg from "pg";
import { pipelineStages } from "../lib/projects/stages";
import { syncPlanProgressSql } from "../lib/supervision/plan-progress";
import { bulkInsert, prng, type Column } from "./seed-volume";

const planColumns: Column[] = [
  ["id", "text"],
  ["projectId", "text"],
  ["year", "integer"],
  ["goalStage", '"ProjectStage"'],
  ["goalInvestment", "numeric"],
  ["leaderId", "text"],
  ["signedAt", "timestamp"],
  ["signedById", "text"],
  ["createdById", "text"],
  ["updatedAt", "timestamp"],
];
const milestoneColumns: Column[] = [
  ["id", "text"],
  ["planId", "text"],
  ["quarter", "integer"],
  ["stage", '"ProjectStage"'],
  ["investment", "numeric"],
  ["task", "text"],
  ["dueDate", "date"],
];
const progressColumns: Column[] = [
  ["id", "text"],
  ["projectId", "text"],
  ["date", "date"],
  ["investmentCompleted", "numeric"],
  ["percent", "numeric"],
  ["createdById", "text"],
];
const userColumns: Column[] = [
  ["id", "text"],
  ["username", "text"],
  ["displayName", "text"],
  ["passwordHash", "text"],
  ["role", '"Role"'],
  ["updatedAt", "timestamp"],
];
const notificationColumns: Column[] = [
  ["id", "text"],
  ["userId", "text"],
  ["kind", "text"],
  ["href", "text"],
  ["readAt", "timestamp"],
  ["createdAt", "timestamp"],
];

const pipeline: readonly string[] = pipelineStages;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const money = (cents: number) => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, "0")}`;

export async function seedDispatchVolume(opts: {
  url: string;
  today: string;
  plans: number;
  progress: number;
  notifications: number;
  log?: (s: string) => void;
}) {
  const sql = new pg.Client({ connectionString: opts.url });
  await sql.connect();
  try {
    const rand = prng(512);
    const year = Number(opts.today.slice(0, 4));
    const jan1 = Date.UTC(year, 0, 1);
    const todayMs = Date.parse(`${opts.today}T00:00:00Z`);
    const elapsed = Math.max(1, Math.round((todayMs - jan1) / 86_400_000) + 1);
    const people = (await sql.query(`select id, role from users where role in ('LEADER', 'MANAGER', 'STAFF')`)).rows;
    const leader = people.find((p) => p.role === "LEADER")?.id ?? people[0].id;
    const manager = people.find((p) => p.role === "MANAGER")?.id ?? people[0].id;
    const projects = (
      await sql.query(
        `select id, stage::text as stage from projects where code like 'GEN-%' and stage not in ('TERMINATED') order by id limit $1`,
        [opts.plans],
      )
    ).rows as { id: string; stage: string }[];
    const perProject = projects.length ? opts.progress / projects.length : 0;
    const chunk = 5000;
    let progressDone = 0;
    for (let start = 0; start < projects.length; start += chunk) {
      const plans = [];
      const milestones = [];
      const entries = [];
      const startDates: { id: string; date: string }[] = [];
      for (const p of projects.slice(start, start + chunk)) {
        const planId = crypto.randomUUID();
        const goal = 100_000 + Math.floor(rand() * 5_000_000); // cents: 1,000 – 51,000 万元
        plans.push({
          id: planId,
          projectId: p.id,
          year,
          goalStage: "CONSTRUCTION",
          goalInvestment: money(goal),
          leaderId: leader,
          signedAt: new Date(jan1 + 20 * 86_400_000),
          signedById: leader,
          createdById: manager,
          updatedAt: new Date(jan1),
        });
        for (const [q, share] of [
          [1, 0.15],
          [2, 0.4],
          [3, 0.7],
          [4, 1],
        ] as const)
          milestones.push({
            id: crypto.randomUUID(),
            planId,
            quarter: q,
            // The stage it stands at (milestones of where it is): the colours come from the investment and the start.
            stage: pipeline.includes(p.stage) ? p.stage : "LEAD",
            investment: money(Math.floor(goal * share)),
            task: `第 ${q} 季度节点`,
            dueDate: dayOf(Date.UTC(year, q * 3, 0)),
          });
        // How far along it is: most near the line, some behind, a few far behind.
        const r = rand();
        const pace = r < 0.7 ? 0.92 + rand() * 0.2 : r < 0.9 ? 0.65 + rand() * 0.25 : rand() * 0.5;
        const n = Math.max(0, Math.round(perProject * (0.5 + rand())));
        const days = Array.from({ length: n }, () => Math.floor(rand() * elapsed)).sort((a, b) => a - b);
        for (const d of days)
          entries.push({
            id: crypto.randomUUID(),
            projectId: p.id,
            date: dayOf(jan1 + d * 86_400_000),
            investmentCompleted: money(Math.min(goal, Math.floor((goal * pace * (d + 1)) / 365))),
            percent: Math.min(100, (pace * (d + 1) * 100) / 365).toFixed(2),
            createdById: manager,
          });
        if (["LEAD", "NEGOTIATING", "SIGNED", "REGISTERED", "APPROVING"].includes(p.stage))
          startDates.push({ id: p.id, date: dayOf(jan1 + Math.floor(rand() * 365) * 86_400_000) });
      }
      await bulkInsert(sql, "project_plans", planColumns, plans);
      await bulkInsert(sql, "plan_milestones", milestoneColumns, milestones);
      for (let i = 0; i < entries.length; i += 20_000)
        await bulkInsert(sql, "progress_entries", progressColumns, entries.slice(i, i + 20_000));
      await sql.query(syncPlanProgressSql, [plans.map((p) => p.projectId)]);
      await sql.query(
        `update projects p set "plannedStartDate" = v.d::date from unnest($1::text[], $2::text[]) as v(id, d) where p.id = v.id`,
        [startDates.map((s) => s.id), startDates.map((s) => s.date)],
      );
      progressDone += entries.length;
      opts.log?.(
        `plans ${Math.min(start + chunk, projects.length)}/${projects.length}, progress entries ${progressDone}`,
      );
    }

    // The inbox: a thousand more users and the notifications, the demo manager with a full inbox.
    const users = Array.from({ length: 1000 }, (_, i) => ({
      id: crypto.randomUUID(),
      username: `bench_user_${i}`,
      displayName: `压测用户${i}`,
      passwordHash: "!",
      role: "STAFF",
      updatedAt: new Date(),
    }));
    await bulkInsert(sql, "users", userColumns, users);
    const ids = [...users.map((u) => u.id), manager];
    for (let done = 0; done < opts.notifications;) {
      const n = Math.min(20_000, opts.notifications - done);
      const rows = Array.from({ length: n }, () => {
        const created = todayMs - Math.floor(rand() * 365 * 86_400_000);
        return {
          id: crypto.randomUUID(),
          // One in a hundred to the demo manager (10,000 of a million).
          userId: rand() < 0.01 ? manager : ids[Math.floor(rand() * users.length)],
          kind: "warningRed",
          href: "/projects",
          readAt: rand() < 0.85 ? new Date(created + 3_600_000) : null,
          createdAt: new Date(created),
        };
      });
      await bulkInsert(sql, "notifications", notificationColumns, rows);
      done += n;
      opts.log?.(`notifications ${done}/${opts.notifications}`);
    }
    return { plans: projects.length, progress: progressDone, manager };
  } finally {
    await sql.end();
  }
}
