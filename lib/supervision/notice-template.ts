import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import type { Locale } from "../i18n/config";
import { hasMessage, translate } from "../i18n/translate";
import { withVisibleProjects } from "../projects/visibility";
import { getSupervisionSettings } from "./settings";

type Reason = { code?: unknown; message?: unknown; [k: string]: unknown };

/** A colour reason in words: the catalogue's `warnings.reasons.<code>` with its numbers, else its own message, else its code. */
function reasonText(locale: Locale, r: Reason): string | null {
  const code = typeof r.code === "string" ? r.code : null;
  const params = Object.fromEntries(
    Object.entries((r.params as Record<string, unknown> | undefined) ?? r).filter(
      (e): e is [string, string | number] => typeof e[1] === "string" || typeof e[1] === "number",
    ),
  );
  if (code && hasMessage(locale, `warnings.reasons.${code}`)) {
    const text = translate(locale, `warnings.reasons.${code}`, params);
    if (!/\{\w+\}/.test(text)) return text;
  }
  if (typeof r.message === "string" && r.message.trim()) return r.message.trim();
  return code;
}

/**
 * The issue form's starting point for a project: a subject and a content naming the
 * project's colour and its reasons, the default working days and the longest allowed, and
 * the recipients (a project without a leader cannot get a notice: `hasLeader`).
 */
export async function noticeTemplate({
  actor,
  projectId,
  locale,
}: {
  actor: Actor;
  projectId: string;
  locale: Locale;
}) {
  assertCan(actor, "notice.manage");
  const db = getDb();
  const p = await db.project.findFirst({
    where: withVisibleProjects(actor, { id: projectId }, "work"),
    select: {
      id: true,
      code: true,
      name: true,
      warning: true,
      warningReasons: true,
      leader: { select: { displayName: true } },
      owner: { select: { displayName: true } },
    },
  });
  if (!p) throw new AppError("NOT_FOUND");
  const settings = await getSupervisionSettings(db);
  const reasons = (Array.isArray(p.warningReasons) ? (p.warningReasons as Reason[]) : [])
    .filter((r) => r && typeof r === "object")
    .map((r) => reasonText(locale, r))
    .filter((r): r is string => !!r);
  const t = (key: string, params: Record<string, string | number> = {}) =>
    translate(locale, `notices.template.${key}`, params);
  const colour = translate(locale, `warnings.${p.warning}`);
  const lines = [
    t("opening", { project: p.name, code: p.code, colour }),
    ...(reasons.length ? reasons.map((r, i) => `${i + 1}. ${r}`) : [t("noReasons")]),
    t("closing", { replyDays: settings.noticeReplyDays, resolveDays: settings.noticeResolveDays }),
  ];
  return {
    projectId: p.id,
    projectName: p.name,
    subject: t("subject", { project: p.name }),
    content: lines.join("\n"),
    replyDays: settings.noticeReplyDays,
    resolveDays: settings.noticeResolveDays,
    maxDays: settings.noticeMaxDays,
    leaderName: p.leader?.displayName ?? null,
    ownerName: p.owner.displayName,
    hasLeader: !!p.leader,
  };
}
