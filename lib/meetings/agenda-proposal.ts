import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { shanghaiToday } from "../dates";
import type { Locale } from "../i18n/config";
import { parseInput } from "../validation";
import { agendaCandidates } from "./agenda-candidates";
import { agendaProposalSchema } from "./schemas";

/**
 * The proposed agenda of a meeting of this kind (GET /api/v1/meetings/agenda-proposal?kind=):
 * `{items: [{kind, id, title, reasons}], groups: [{group, total, shown, more}]}` — for those
 * who schedule meetings (the UI offers it as a checklist; nothing is saved).
 */
export async function proposeAgenda({
  actor,
  kind: input,
  locale = "zh-CN",
}: {
  actor: Actor;
  kind: unknown;
  locale?: Locale;
}) {
  assertCan(actor, "meeting.manage");
  const { kind } = parseInput(agendaProposalSchema, { kind: input });
  return { kind, ...(await agendaCandidates(getDb(), { kind, today: shanghaiToday(), locale })) };
}
