import "server-only";

/** What a user looks like outside lib/: never the password hash. */
export const userSelect = {
  id: true,
  username: true,
  displayName: true,
  role: true,
  active: true,
  version: true,
  departmentId: true,
  department: { select: { name: true } },
  createdAt: true,
  updatedAt: true,
} as const;

type Row = {
  id: string;
  username: string;
  displayName: string;
  role: string;
  active: boolean;
  version: number;
  departmentId: string | null;
  department: { name: string } | null;
  createdAt: Date;
  updatedAt: Date;
};

export function toUserView(u: Row) {
  return {
    id: u.id,
    username: u.username,
    displayName: u.displayName,
    role: u.role,
    active: u.active,
    version: u.version,
    departmentId: u.departmentId,
    department: u.department?.name ?? null,
    createdAt: u.createdAt.toISOString(),
    updatedAt: u.updatedAt.toISOString(),
  };
}
export type UserView = ReturnType<typeof toUserView>;
