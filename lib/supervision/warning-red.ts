// The 红色预警 a project's leader and owner get when it turns RED — by the rules (applyWarnings)
// or by a manager (an override, or the end of one). Once per project and day (dedupeKey).
import type { NotifyInput } from "../notifications/notify";

export function turnedRedNotice(
  p: { id: string; name: string; code: string; leaderId: string | null; ownerId: string },
  today: string,
): NotifyInput {
  return {
    userIds: [p.leaderId, p.ownerId],
    kind: "warningRed",
    params: { name: p.name, code: p.code },
    href: `/projects/${p.id}?tab=supervision`,
    entity: { type: "Project", id: p.id },
    dedupeKey: `warningRed:${p.id}:${today}`,
  };
}
