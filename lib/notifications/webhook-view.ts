import "server-only";
import type { Tx } from "../db";
import { AppError } from "../errors";

type WebhookRow = {
  id: string;
  name: string;
  kind: "WECOM" | "DINGTALK";
  url: string;
  secret: string | null;
  departmentId: string | null;
  events: string[];
  active: boolean;
  version: number;
  createdAt: Date;
  updatedAt: Date;
};

/**
 * A webhook as the UI, the API and the audit log see it: the secret never leaves the
 * database after it is saved — only whether one is set. The URL carries the robot's key
 * (企业微信 `key=`, 钉钉 `access_token=`): shown masked too.
 */
export function webhookView(w: WebhookRow, departmentName: string | null = null) {
  return {
    id: w.id,
    name: w.name,
    kind: w.kind,
    url: maskUrl(w.url),
    secretSet: !!w.secret,
    departmentId: w.departmentId,
    departmentName,
    events: w.events,
    active: w.active,
    version: w.version,
    createdAt: w.createdAt.toISOString(),
    updatedAt: w.updatedAt.toISOString(),
  };
}
export type WebhookView = ReturnType<typeof webhookView>;

/** The URL with the values of its query (the robot's key or token) masked but for their last 4 characters. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const [k, v] of [...u.searchParams]) u.searchParams.set(k, v.length > 4 ? `****${v.slice(-4)}` : "****");
    return decodeURIComponent(u.toString());
  } catch {
    return "****";
  }
}

/** What the audit log keeps of a webhook: its settings, the URL masked, and whether a secret is set. */
export function webhookAudit(w: WebhookRow) {
  const { secret: _s, createdAt: _c, updatedAt: _u, url, ...rest } = w;
  void _s;
  void _c;
  void _u;
  return { ...rest, url: maskUrl(url), secretSet: !!w.secret };
}

/** The unit's name; a department that does not exist is a 400 on the field. */
export async function departmentName(tx: Tx, departmentId: string | null | undefined): Promise<string | null> {
  if (!departmentId) return null;
  const d = await tx.department.findUnique({ where: { id: departmentId }, select: { name: true } });
  if (!d)
    throw new AppError("VALIDATION", { fields: { departmentId: "validation.departmentMissing" }, labels: "webhook" });
  return d.name;
}
