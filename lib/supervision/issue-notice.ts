import "server-only";
import { getDb } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { parseInput } from "../validation";
import { issueNoticeInTx } from "./issue-notice-tx";
import { issueNoticeSchema } from "./schemas";

export { issueNoticeInTx, type NoticeLinks } from "./issue-notice-tx";

/** Issuing a 督办通知 in its own transaction (POST /api/v1/notices, the pages): issueNoticeInTx. */
export async function issueNotice({ actor, input }: { actor: Actor; input: unknown }) {
  assertCan(actor, "notice.manage");
  const data = parseInput(issueNoticeSchema, input);
  return getDb().$transaction((tx) => issueNoticeInTx(tx, { actor, input: data }));
}
