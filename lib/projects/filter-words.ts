import "server-only";
import { can, type Actor } from "../auth/permissions";
import { getDb } from "../db";
import { formatDateTime, formatWan } from "../format";
import type { Locale } from "../i18n/config";
import { translate } from "../i18n/translate";
import { isoDate } from "../dates";
import type { ListProjectsQuery } from "./schemas";

export type FilterWords = { label: string; value: string };

/**
 * An import job as people name it: its file and when it finished ("导入.xlsx（2026-11-27 15:03）");
 * null for a job that is not the actor's (whose file name is not theirs to read) or none.
 */
export async function importBatchName(actor: Actor, id: string, locale: Locale): Promise<string | null> {
  const job = await getDb().importJob.findUnique({
    where: { id },
    select: { fileName: true, finishedAt: true, createdAt: true, userId: true },
  });
  return job && (job.userId === actor.id || can(actor.role, "import.readAny"))
    ? translate(locale, "imports.batch", { file: job.fileName, time: formatDateTime(job.finishedAt ?? job.createdAt) })
    : null;
}

/**
 * The filters of a grid view in words, the text search last: "阶段: 签约", "产业: 高端装备",
 * "总投资（万元）: 1,000.00 至 5,000.00"… References (industry, park, people, chain, link,
 * import) are named as the reader knows them; a reference that names nothing is shown as
 * given. The export writes these above its header and into its file name.
 */
export async function describeProjectFilters(
  actor: Actor,
  q: ListProjectsQuery,
  locale: Locale,
): Promise<FilterWords[]> {
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const db = getDb();
  const ref = { OR: [{ id: q.industry }, { code: q.industry }, { name: q.industry }] };
  const [industry, park, owner, leader, chain, link, batch] = await Promise.all([
    q.industry ? db.industry.findFirst({ where: ref, select: { name: true } }) : null,
    q.park
      ? db.park.findFirst({
          where: { OR: [{ id: q.park }, { code: q.park }, { name: q.park }] },
          select: { name: true },
        })
      : null,
    q.owner
      ? db.user.findFirst({ where: { OR: [{ id: q.owner }, { username: q.owner }] }, select: { displayName: true } })
      : null,
    q.leader
      ? db.user.findFirst({ where: { OR: [{ id: q.leader }, { username: q.leader }] }, select: { displayName: true } })
      : null,
    q.chain
      ? db.chain.findFirst({ where: { OR: [{ id: q.chain }, { code: q.chain }] }, select: { name: true } })
      : null,
    q.link
      ? db.chainLink.findUnique({ where: { id: q.link }, select: { name: true, chain: { select: { name: true } } } })
      : null,
    q.importJob ? importBatchName(actor, q.importJob, locale) : null,
  ]);
  const range = (from: string | undefined, to: string | undefined) =>
    from && to ? t("exports.range", { from, to }) : from ? t("exports.from", { from }) : t("exports.to", { to: to! });
  const amount = (v: string | undefined) => (v === undefined ? undefined : formatWan(v));
  const words: FilterWords[] = [];
  const add = (labelKey: string, value: string | null | undefined) => {
    if (value) words.push({ label: t(labelKey), value });
  };
  add("projects.stage", q.stage && t(`stages.${q.stage}`));
  add("projects.industry", q.industry && (industry?.name ?? q.industry));
  add("projects.chain", q.chain && (chain?.name ?? q.chain));
  add("projects.link", q.link && (link ? `${link.chain.name}/${link.name}` : q.link));
  add("projects.park", q.park && (park?.name ?? q.park));
  add("projects.owner", q.owner && (owner?.displayName ?? q.owner));
  add("projects.leader", q.leader && (leader?.displayName ?? q.leader));
  add("projects.warning", q.warning && t(`warnings.${q.warning}`));
  add("projects.keyProject", q.key === undefined ? undefined : t(q.key ? "common.yes" : "common.no"));
  if (q.minInvestment || q.maxInvestment)
    add(
      "projects.totalInvestment",
      q.minInvestment && q.maxInvestment
        ? range(amount(q.minInvestment), amount(q.maxInvestment))
        : q.minInvestment
          ? t("exports.atLeast", { n: amount(q.minInvestment)! })
          : t("exports.atMost", { n: amount(q.maxInvestment)! }),
    );
  if (q.signedFrom || q.signedTo)
    add("projects.signingDate", range(isoDate(q.signedFrom) ?? undefined, isoDate(q.signedTo) ?? undefined));
  if (q.updatedFrom || q.updatedTo)
    add("projects.updatedAt", range(isoDate(q.updatedFrom) ?? undefined, isoDate(q.updatedTo) ?? undefined));
  add("projects.sourceChannel", q.channel && t(`sourceChannels.${q.channel}`));
  add("projects.entered", enteredWords(q, locale));
  add("projects.mineGroup", q.mine ? t("projects.mineOnly") : undefined);
  add("projects.stalled", q.stalled === undefined ? undefined : t("projects.stalledDays", { n: q.stalled }));
  add("projects.search", q.q);
  add("projects.importJob", q.importJob && (batch ?? q.importJob));
  return words;
}

/**
 * 首次进入签约 2026-01-01 至 2026-12-31: the dashboard's clean-count filter in words (the grid's
 * removable note and the export's filter line); null without one.
 */
export function enteredWords(
  q: Pick<ListProjectsQuery, "entered" | "enteredFrom" | "enteredTo">,
  locale: Locale,
): string | null {
  if (!q.entered) return null;
  const t = (key: string, params?: Record<string, string | number>) => translate(locale, key, params);
  const from = isoDate(q.enteredFrom) ?? undefined;
  const to = isoDate(q.enteredTo) ?? undefined;
  const range =
    from && to
      ? t("exports.range", { from, to })
      : from
        ? t("exports.from", { from })
        : to
          ? t("exports.to", { to })
          : "";
  return t("projects.enteredWords", { stage: t(`stages.${q.entered}`), range }).trim();
}
