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
};

const ALL: readonly Role[] = roles;

// Role → actions (SPEC §1). Checked inside every use-case; a missing entry means no.
const table = {
  "project.read": ALL,
  "dashboard.read": ALL,
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

/** Throws FORBIDDEN unless the actor's role may do the action (fails closed). */
export function assertCan(actor: Actor | null | undefined, action: Action): asserts actor is Actor {
  if (!actor) throw new AppError("UNAUTHENTICATED");
  if (!can(actor.role, action)) throw new AppError("FORBIDDEN", { params: { action } });
}
