import { AppError } from "../errors";

export const roles = ["STAFF", "APPROVER", "LEADER", "MANAGER", "ADMIN"] as const;
export type Role = (typeof roles)[number];

export type Actor = {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  departmentName: string | null;
  /** How the request was authenticated (rate limits count per session or token; a token cannot make tokens). */
  via?: { kind: "session" | "token"; id: string };
};

/** The user row fields an Actor is made of (select them, then `toActor`). */
export const actorSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  departmentId: true,
  department: { select: { name: true } },
} as const;

/** The actor of a user row selected with `actorSelect` (sessions, API tokens, background jobs). */
export function toActor(u: {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  departmentId: string | null;
  department: { name: string } | null;
}): Actor {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    departmentId: u.departmentId,
    departmentName: u.department?.name ?? null,
  };
}

const ALL: readonly Role[] = roles;

// Role → actions (SPEC §1). Checked inside every use-case; a missing entry means no.
const table = {
  "project.read": ALL,
  "project.create": ["STAFF", "LEADER", "MANAGER"],
  "project.import": ["STAFF", "MANAGER"],
  "project.export": ALL,
  "enterprise.read": ALL,
  /** Chain links, 龙头企业 flag and scale of an enterprise. */
  "enterprise.edit": ["STAFF", "LEADER", "MANAGER", "ADMIN"],
  /**
   * Changing any enterprise, whoever's projects it is linked to; without it only one linked
   * to no project or only to projects the user may update (lib/enterprises/can-edit.ts).
   */
  "enterprise.editAny": ["MANAGER", "ADMIN"],
  "chain.read": ALL,
  /** Industries, chains and their links. */
  "chain.manage": ["MANAGER", "ADMIN"],
  "enterprise.import": ["STAFF", "MANAGER", "ADMIN"],
  /** Folding a duplicate enterprise into another (its projects move over). */
  "enterprise.merge": ["MANAGER", "ADMIN"],
  "apiToken.own": ALL,
  /** Revoking anyone's API token. */
  "apiToken.revokeAny": ["ADMIN"],
  /** Who may own projects (招商专员, and leaders and managers who bring their own). */
  "project.own": ["STAFF", "LEADER", "MANAGER"],
  /** Who may be a project's leader in charge (分包领导). */
  "project.lead": ["LEADER"],
  /** Reading any user's import jobs (else only one's own). */
  "import.readAny": ["ADMIN"],
  /** 七证合一 cases: the application and documents are shared by every department. */
  "permit.read": ALL,
  /** Deciding items (and only those of the approver's own department). */
  "permit.decide": ["APPROVER"],
  "permit.report": ["APPROVER", "LEADER", "MANAGER", "ADMIN"],
  /** Permit types and the working-day calendar. */
  "permit.admin": ["ADMIN"],
  /** Being warned that open items fall due in a year whose holidays are not entered yet. */
  "permit.calendarGaps": ["MANAGER", "ADMIN"],
  "dashboard.read": ALL,
  /** 挂图作战 in the menu (the board itself reads as the grid does: project.read, each role's own projects). */
  "warRoom.menu": ["STAFF", "LEADER", "MANAGER"],
  /** 年度目标: reading targets (STAFF: only their own; lib/targets/get-targets.ts). */
  "target.read": ["STAFF", "LEADER", "MANAGER", "ADMIN"],
  /** Reading every unit's targets and the roll-ups (the district, parks, every person). */
  "target.readAll": ["LEADER", "MANAGER", "ADMIN"],
  /** Setting the year's targets. */
  "target.edit": ["MANAGER", "ADMIN"],
  /**
   * 驾驶舱 (GET /api/v1/reports/dashboard): the district's figures against its targets; without
   * it, one's own figures against one's own targets (STAFF).
   */
  "report.district": ["LEADER", "MANAGER", "ADMIN"],
  /** Reading one's own figures on the dashboard (staff: owned projects; leaders: their row). */
  "report.read": ["STAFF", "LEADER", "MANAGER", "ADMIN"],
  /** The dashboard on the home page, after the 待办 (the admin's home stays the users' summary). */
  "report.home": ["STAFF", "LEADER", "MANAGER"],
  /** 督查督办: plans, progress, colours and notices of the projects one may read. */
  "supervision.read": ["STAFF", "LEADER", "MANAGER", "ADMIN"],
  /** Changing a plan after the leader signed it (with a reason). */
  "plan.changeSigned": ["MANAGER"],
  /** Who has not reported (日调度) today and this week. */
  "dispatch.overview": ["LEADER", "MANAGER", "ADMIN"],
  /** Overriding a project's colour (with a reason and an end date). */
  "warning.override": ["MANAGER"],
  /** Recomputing every project's colour now. */
  "warning.recompute": ["MANAGER", "ADMIN"],
  /** Issuing a 督办通知, accepting or rejecting its reply, deciding an extension, closing it. */
  "notice.manage": ["MANAGER"],
  /** Answering a notice (and only as its leader or owner) and asking for an extension. */
  "notice.reply": ["STAFF", "LEADER"],
  /** Reading every notice (others read the notices they answer: their leader's or owner's). */
  "notice.readAll": ["MANAGER", "ADMIN"],
  /** 要素保障: the problems one may see (lib/problems/problem-access.ts: a department's ones for its users). */
  "problem.read": ALL,
  /**
   * 要素保障: reading every problem (others read their projects' problems and their
   * department's: lib/problems/problem-access.ts).
   */
  "problem.readAll": ["LEADER", "MANAGER", "ADMIN"],
  /** Escalating a problem to the next level (a LEADER only on the projects they lead). */
  "problem.escalate": ["LEADER", "MANAGER"],
  /** Reopening a resolved or closed problem (with a reason), and acting on any problem. */
  "problem.manage": ["MANAGER"],
  /** 协调会 / 月例会: scheduling, the agenda, minutes and decisions; after sign-off, edits with a reason. */
  "meeting.manage": ["MANAGER"],
  /** Reading meetings and their minutes (approvers: the meetings they attend). */
  "meeting.read": ["STAFF", "LEADER", "MANAGER", "ADMIN"],
  /** Reading the meetings one is an attendee of (a department's approver called to a 协调会). */
  "meeting.readAttended": ["APPROVER"],
  /** 周通报: generating a week's snapshot on demand. */
  "bulletin.generate": ["MANAGER"],
  /** Reading the bulletins (circulated to every unit). */
  "bulletin.read": ALL,
  /** Told in the inbox when a week's bulletin is generated (本周通报已生成). */
  "bulletin.notified": ["LEADER", "MANAGER"],
  /** 管理员 → 督办规则. */
  "supervision.settings": ["ADMIN"],
  /** One's own inbox (通知): reading and marking read, never anyone else's. */
  "notification.own": ALL,
  /** Group-robot webhooks and their delivery log. */
  "webhook.manage": ["ADMIN"],
  /** 政策兑现: reading the measures and a project's incentives (every reader of projects). */
  "incentive.read": ALL,
  /** Creating, changing and deactivating incentive measures. */
  "incentive.manage": ["MANAGER", "ADMIN"],
  /** Recording a grant (兑现) on a project. */
  "incentive.grant": ["MANAGER"],
  /** The totals of scheduled and granted incentives per year and category. */
  "incentive.report": ["MANAGER", "ADMIN"],
  /** 签约周: reading the events, their candidates and summaries. */
  "signingWeek.read": ["STAFF", "LEADER", "MANAGER", "ADMIN"],
  /** Creating events and proposing, adding, confirming and removing candidates. */
  "signingWeek.manage": ["MANAGER", "ADMIN"],
  "user.read": ["ADMIN"],
  "user.manage": ["ADMIN"],
  "securityLog.read": ["ADMIN"],
  "auditLog.read": ["ADMIN"],
} as const satisfies Record<string, readonly Role[]>;

export type Action = keyof typeof table;
export const actions = Object.keys(table) as Action[];

export function can(role: Role, action: Action): boolean {
  return (table[action] as readonly Role[]).includes(role);
}

/** The roles an action is open to (for queries: the users who may own or lead projects). */
export function rolesWith(action: Action): Role[] {
  return [...(table[action] as readonly Role[])];
}

// Actions on one project, by role and scope (SPEC §1): every project, the ones the actor
// owns, the ones they lead, or (APPROVER) the ones whose 七证合一 case has an item of the
// actor's department. STAFF act on the projects they own, LEADER on those they lead,
// MANAGER on all.
export type ProjectScope = "all" | "own" | "led" | "permit";
const projectTable = {
  /**
   * Seeing a project at all: its basics and its 七证合一 case. Leads and negotiations are the
   * bureau's confidential work, so a department's approver sees only the projects whose
   * case has an item of their department; any other project does not exist for them (404).
   * Every role that may create or import projects reads all of them (duplicate checks and
   * import previews show existing projects; tests/unit/permissions.test.ts holds it).
   */
  read: { STAFF: "all", APPROVER: "permit", LEADER: "all", MANAGER: "all", ADMIN: "all" },
  /**
   * The bureau's own work on a project it may read: contacts, the activity timeline,
   * capital increases, attachments other than the case's documents, the stage and change
   * history. Without it the project page shows the basics and the case only.
   */
  readWork: { STAFF: "all", LEADER: "all", MANAGER: "all", ADMIN: "all" },
  update: { STAFF: "own", LEADER: "led", MANAGER: "all" },
  move: { STAFF: "own", LEADER: "led", MANAGER: "all" },
  activity: { STAFF: "own", LEADER: "led", MANAGER: "all" },
  attach: { STAFF: "own", LEADER: "led", MANAGER: "all" },
  /** Opening the 七证合一 case, its application, submission and resubmission after 补正. */
  permit: { STAFF: "own", LEADER: "led", MANAGER: "all" },
  /** Skips, backward moves, 容缺开工 (the stage machine also checks the role). */
  override: { MANAGER: "all" },
  /** Changing the owner or the leader in charge. */
  assign: { MANAGER: "all" },
  /** Drafting the year's plan (责任书) before it is signed. */
  plan: { STAFF: "own", LEADER: "led", MANAGER: "all" },
  /** 日调度: progress entries. */
  progress: { STAFF: "own", LEADER: "led", MANAGER: "all" },
  /** 要素保障: raising a problem on the project (its owner, its leader, a manager). */
  problem: { STAFF: "own", LEADER: "led", MANAGER: "all" },
} as const satisfies Record<string, Partial<Record<Role, ProjectScope>>>;

export type ProjectAction = keyof typeof projectTable;
export const projectActions = Object.keys(projectTable) as ProjectAction[];

/**
 * What a project check needs to know of the project: its owner and leader, and for the
 * "permit" scope the departments of its permit case's items (without them that scope
 * answers no: fail closed).
 */
export type ProjectFacts = { ownerId: string; leaderId: string | null; permitDepartmentIds?: readonly string[] };

export function canOnProject(actor: Actor, project: ProjectFacts, action: ProjectAction): boolean {
  const scope = projectScope(actor.role, action);
  if (scope === "all") return true;
  if (scope === "own") return project.ownerId === actor.id;
  if (scope === "led") return project.leaderId === actor.id;
  if (scope === "permit") return !!actor.departmentId && !!project.permitDepartmentIds?.includes(actor.departmentId);
  return false;
}

/**
 * How far a role's right reaches for a project action: every project, the ones it owns, the
 * ones it leads, the ones with a permit item of its department, or none (for the queries:
 * lib/projects/visibility.ts turns the read scope into the `where` of every project read).
 */
export function projectScope(role: Role, action: ProjectAction): ProjectScope | null {
  return (projectTable[action] as Partial<Record<Role, ProjectScope>>)[role] ?? null;
}

export function assertCanOnProject(actor: Actor, project: ProjectFacts, action: ProjectAction) {
  if (!canOnProject(actor, project, action))
    throw new AppError("FORBIDDEN", { params: { action: `project.${action}` } });
}

/** Throws FORBIDDEN unless the actor's role may do the action (fails closed). */
export function assertCan(actor: Actor | null | undefined, action: Action): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!can(actor.role, action)) throw new AppError("FORBIDDEN", { params: { action } });
}
