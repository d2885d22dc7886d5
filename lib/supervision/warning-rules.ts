// 红黄蓝 (SPEC §5): the colour of a project under dispatch and its reasons, from the year's
// plan, the latest progress entry, the stage and its dates, the open notices, today and the
// thresholds. Pure: no clock, no database — the same input always gives the same answer.
//
// Decisions (README "Supervision rules"):
// - NONE (未纳入调度) without a plan for today's year, and for TERMINATED projects (nothing left
//   to dispatch; the history keeps the colours they had).
// - SUSPENDED (暂缓): the clock-driven rules rest while the project is paused by decision; it is
//   YELLOW (`suspended`) so that it is not shown as 正常, and an overdue notice still makes it RED.
// - COMPLETED and PRODUCTION: the rules as written — their stage meets every milestone's stage
//   and the start, so only the investment rules (points behind, a milestone's investment) and
//   the notices can colour them.
// - Points behind are rounded to 0.1 (half up) before they are compared, so what is shown is
//   what was decided: 9.9 → BLUE, 10.0 → YELLOW, 30.0 → YELLOW, 30.1 → RED.
import type { NoticeClock } from "./notice-overdue";
import { noticeOverdue } from "./notice-overdue";
import type { SupervisionSettings } from "./settings-schema";
import { pipelineStages, type Stage, type WarningState } from "../projects/stages";

export type Color = WarningState;

export type ReasonCode =
  | "behindSchedule"
  | "milestoneMissed"
  | "milestoneDueSoon"
  | "startOverdue"
  | "startOverdueDays"
  | "noProgress"
  | "noticeReplyOverdue"
  | "noticeResolveOverdue"
  | "problemTopLevelOverdue"
  | "suspended";

export type WarningReason = { code: ReasonCode; color: "YELLOW" | "RED"; numbers: Record<string, string | number> };
export type WarningResult = { color: Color; reasons: WarningReason[] };

export type RuleMilestone = { quarter: number; stage: Stage; investment: string; dueDate: string };
export type RulePlan = { year: number; goalStage: Stage; goalInvestment: string; milestones: RuleMilestone[] };
export type RuleNotice = NoticeClock & { year: number; seq: number };
export type RuleProblem = { title: string; dueDate: string };

export type RuleInput = {
  /** "YYYY-MM-DD", Asia/Shanghai. */
  today: string;
  stage: Stage;
  plannedStartDate: string | null;
  /** 开工 date, else the day the project entered CONSTRUCTION (stage history), else null. */
  constructionDate: string | null;
  plan: RulePlan | null;
  /** Progress entries (any order; only those of the plan's year up to today count). */
  progress: { date: string; investmentCompleted: string }[];
  /** The project's notices that are not closed. */
  notices: RuleNotice[];
  /** The project's open 要素保障 problems at level 3 (主要领导调度), with their due dates. */
  topLevelProblems?: RuleProblem[];
  settings: Pick<
    SupervisionSettings,
    "yellowBehindPoints" | "redBehindPoints" | "quarterEndDays" | "startOverdueMonths" | "noProgressDays"
  >;
};

const severity: Record<Color, number> = { NONE: 0, BLUE: 1, YELLOW: 2, RED: 3 };

/** The worse of two colours (RED > YELLOW > BLUE > NONE). */
export function worseColor(a: Color, b: Color): Color {
  return severity[a] >= severity[b] ? a : b;
}
export const colorSeverity = (c: Color) => severity[c];

// ---- calendar days (UTC arithmetic on "YYYY-MM-DD": no time zone involved) ----

const dayMs = 86_400_000;
const toUtc = (d: string) => Date.UTC(Number(d.slice(0, 4)), Number(d.slice(5, 7)) - 1, Number(d.slice(8, 10)));
const fromUtc = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Whole days from a to b (b − a). */
export function daysBetween(a: string, b: string): number {
  return Math.round((toUtc(b) - toUtc(a)) / dayMs);
}

/** The same day `months` calendar months later, the month's last day where it has none (31 Jan + 1 → 28/29 Feb). */
export function addMonths(day: string, months: number): string {
  const y = Number(day.slice(0, 4));
  const m = Number(day.slice(5, 7)) - 1 + months;
  const year = y + Math.floor(m / 12);
  const month = ((m % 12) + 12) % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return fromUtc(Date.UTC(year, month, Math.min(Number(day.slice(8, 10)), last)));
}

/** Whole calendar months from a to b (a ≤ b). */
export function monthsBetween(a: string, b: string): number {
  let n = (Number(b.slice(0, 4)) - Number(a.slice(0, 4))) * 12 + Number(b.slice(5, 7)) - Number(a.slice(5, 7));
  while (n > 0 && addMonths(a, n) > b) n--;
  return n;
}

// ---- exact shares (BigInt fractions of cents: never floats for money) ----

type Frac = { n: bigint; d: bigint };
const cents = (v: string): bigint => {
  const [i, f = ""] = v.trim().split(".");
  const neg = i.startsWith("-");
  const abs = BigInt(i.replace("-", "") || "0") * 100n + BigInt((f + "00").slice(0, 2));
  return neg ? -abs : abs;
};
const gte = (a: Frac, b: Frac) => a.n * b.d >= b.n * a.d;
const floorDiv = (a: bigint, b: bigint) => {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
};

/** (planned − actual) in tenths of a percentage point, rounded half up. */
function tenthsBehind(planned: Frac, actual: Frac): bigint {
  const n = 1000n * (planned.n * actual.d - actual.n * planned.d);
  const d = planned.d * actual.d;
  return floorDiv(2n * n + d, 2n * d);
}
/** A share in tenths of a percent, rounded half up (for the words). */
const tenthsOf = (f: Frac) => floorDiv(2000n * f.n + f.d, 2n * f.d);
const pointsText = (tenths: bigint) => {
  const neg = tenths < 0n;
  const a = neg ? -tenths : tenths;
  return `${neg ? "-" : ""}${a / 10n}${a % 10n === 0n ? "" : `.${a % 10n}`}`;
};
const thresholdTenths = (points: number) => BigInt(Math.round(points * 10));

const stageOrder = (s: Stage) => (pipelineStages as readonly string[]).indexOf(s);

/** The 红黄蓝 of one project (SPEC §5): the worst colour of every rule that holds, with each rule's reason. */
export function computeWarning(input: RuleInput): WarningResult {
  const { today, plan, stage, settings } = input;
  const year = Number(today.slice(0, 4));
  if (!plan || plan.year !== year || stage === "TERMINATED") return { color: "NONE", reasons: [] };
  const reasons: WarningReason[] = [];

  for (const n of [...input.notices].sort((a, b) => a.year - b.year || a.seq - b.seq)) {
    const o = noticeOverdue(n, today);
    if (o.overdue)
      reasons.push({
        code: o.kind === "reply" ? "noticeReplyOverdue" : "noticeResolveOverdue",
        color: "RED",
        numbers: { year: n.year, seq: n.seq, due: o.due! },
      });
  }

  // 三级调度: an open level-3 problem past its due date (due today is not yet overdue) is YELLOW at least.
  const overdueProblems = (input.topLevelProblems ?? []).filter((p) => p.dueDate < today);
  if (overdueProblems.length)
    reasons.push({
      code: "problemTopLevelOverdue",
      color: "YELLOW",
      numbers: {
        count: overdueProblems.length,
        due: overdueProblems.map((p) => p.dueDate).reduce((a, b) => (a < b ? a : b)),
      },
    });

  if (stage === "SUSPENDED") {
    reasons.push({ code: "suspended", color: "YELLOW", numbers: {} });
    return finish(reasons);
  }

  const jan1 = `${year}-01-01`;
  const latest = input.progress
    .filter((e) => e.date >= jan1 && e.date <= today)
    .reduce<{ date: string; investmentCompleted: string } | null>(
      (best, e) =>
        !best ||
        e.date > best.date ||
        (e.date === best.date && cents(e.investmentCompleted) > cents(best.investmentCompleted))
          ? e
          : best,
      null,
    );
  const done = latest ? cents(latest.investmentCompleted) : 0n;
  const goal = cents(plan.goalInvestment);
  const order = stageOrder(stage);

  // 序时进度: the straight line from 1 January, or the last milestone already due where higher.
  if (goal > 0n) {
    const daysInYear = BigInt(daysBetween(jan1, `${year + 1}-01-01`));
    let planned: Frac = { n: BigInt(daysBetween(jan1, today) + 1), d: daysInYear };
    const lastDue = plan.milestones
      .filter((m) => m.dueDate <= today)
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : a.quarter - b.quarter))
      .at(-1);
    if (lastDue) {
      const share: Frac = { n: cents(lastDue.investment), d: goal };
      if (gte(share, planned)) planned = share;
    }
    const actual: Frac = { n: done, d: goal };
    const behind = tenthsBehind(planned, actual);
    const color =
      behind > thresholdTenths(settings.redBehindPoints)
        ? "RED"
        : behind >= thresholdTenths(settings.yellowBehindPoints)
          ? "YELLOW"
          : null;
    if (color)
      reasons.push({
        code: "behindSchedule",
        color,
        numbers: {
          points: pointsText(behind),
          planned: pointsText(tenthsOf(planned)),
          actual: pointsText(tenthsOf(actual)),
        },
      });
  }

  // Milestones: one past its due date and not met is RED; the current one within its last days is YELLOW.
  for (const m of [...plan.milestones].sort((a, b) => a.quarter - b.quarter)) {
    const met = order >= stageOrder(m.stage) && done >= cents(m.investment);
    if (met) continue;
    const numbers = { quarter: m.quarter, dueDate: m.dueDate, stage: m.stage, investment: m.investment };
    if (m.dueDate < today) reasons.push({ code: "milestoneMissed", color: "RED", numbers });
    // Due within N days (today included): with the due date at the quarter's end, its last N days.
    else if (daysBetween(today, m.dueDate) < settings.quarterEndDays)
      reasons.push({
        code: "milestoneDueSoon",
        color: "YELLOW",
        numbers: { ...numbers, days: daysBetween(today, m.dueDate) },
      });
  }

  // The planned start passed without a start: YELLOW up to N calendar months, RED after.
  const started = input.constructionDate !== null || order >= stageOrder("CONSTRUCTION");
  if (!started && input.plannedStartDate && input.plannedStartDate < today) {
    const planned = input.plannedStartDate;
    const color = today > addMonths(planned, settings.startOverdueMonths) ? "RED" : "YELLOW";
    const months = monthsBetween(planned, today);
    reasons.push(
      months >= 1
        ? { code: "startOverdue", color, numbers: { date: planned, months } }
        : { code: "startOverdueDays", color, numbers: { date: planned, days: daysBetween(planned, today) } },
    );
  }

  // 开工在建 without a progress entry for N days (counted from the start or 1 January when there is none).
  if (stage === "CONSTRUCTION") {
    const since = latest?.date ?? [jan1, input.constructionDate ?? jan1].reduce((a, b) => (a > b ? a : b));
    const days = daysBetween(since, today);
    if (days >= settings.noProgressDays) reasons.push({ code: "noProgress", color: "YELLOW", numbers: { days } });
  }

  return finish(reasons);
}

function finish(reasons: WarningReason[]): WarningResult {
  const sorted = reasons
    .map((r, i) => [r, i] as const)
    .sort((a, b) => severity[b[0].color] - severity[a[0].color] || a[1] - b[1])
    .map(([r]) => r);
  return { color: sorted.reduce<Color>((c, r) => worseColor(c, r.color), "BLUE"), reasons: sorted };
}

/** Whether two lists of reasons say the same (codes and numbers, in order). */
export function sameReasons(a: readonly WarningReason[], b: readonly WarningReason[]): boolean {
  return JSON.stringify(a.map(canonical)) === JSON.stringify(b.map(canonical));
}
/** Whether two lists of reasons name the same rules (the history records a change of rules, not of numbers). */
export function sameReasonCodes(a: readonly WarningReason[], b: readonly WarningReason[]): boolean {
  return a.map((r) => `${r.code}:${r.color}`).join() === b.map((r) => `${r.code}:${r.color}`).join();
}
const canonical = (r: WarningReason) => ({
  code: r.code,
  color: r.color,
  numbers: Object.fromEntries(Object.entries(r.numbers).sort(([x], [y]) => (x < y ? -1 : 1))),
});

/** Reasons as stored (JSON) read back; anything unreadable is dropped. */
export function readReasons(v: unknown): WarningReason[] {
  if (!Array.isArray(v)) return [];
  return v.filter(
    (r): r is WarningReason =>
      !!r &&
      typeof r === "object" &&
      typeof (r as WarningReason).code === "string" &&
      typeof (r as WarningReason).numbers === "object",
  );
}
