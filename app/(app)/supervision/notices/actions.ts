"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { acceptNotice } from "@/lib/supervision/accept-notice";
import { closeNotice } from "@/lib/supervision/close-notice";
import { decideNoticeExtension } from "@/lib/supervision/decide-notice-extension";
import { issueNotice } from "@/lib/supervision/issue-notice";
import { rejectNoticeReply } from "@/lib/supervision/reject-notice-reply";
import { replyNotice } from "@/lib/supervision/reply-notice";
import { requestNoticeExtension } from "@/lib/supervision/request-notice-extension";
import type { NoticeView } from "@/lib/supervision/notice-load";

const changed = (n: NoticeView) => {
  revalidatePath(`/supervision/notices/${n.id}`);
  revalidatePath("/supervision/notices");
  revalidatePath(`/projects/${n.projectId}`);
  return { id: n.id, number: n.number, state: n.state, version: n.version };
};

export async function issueNoticeAction(input: unknown) {
  return runAction("notice.manage", async (actor) => changed(await issueNotice({ actor, input })));
}

export async function replyNoticeAction(noticeId: string, input: unknown) {
  return runAction("notice.reply", async (actor) =>
    changed(await replyNotice({ actor, noticeId: String(noticeId), input })),
  );
}

export async function acceptNoticeAction(noticeId: string, input: unknown) {
  return runAction("notice.manage", async (actor) =>
    changed(await acceptNotice({ actor, noticeId: String(noticeId), input })),
  );
}

export async function rejectNoticeReplyAction(noticeId: string, input: unknown) {
  return runAction("notice.manage", async (actor) =>
    changed(await rejectNoticeReply({ actor, noticeId: String(noticeId), input })),
  );
}

export async function closeNoticeAction(noticeId: string, input: unknown) {
  return runAction("notice.manage", async (actor) =>
    changed(await closeNotice({ actor, noticeId: String(noticeId), input })),
  );
}

export async function requestNoticeExtensionAction(noticeId: string, input: unknown) {
  return runAction("notice.reply", async (actor) =>
    changed(await requestNoticeExtension({ actor, noticeId: String(noticeId), input })),
  );
}

export async function decideNoticeExtensionAction(noticeId: string, input: unknown) {
  return runAction("notice.manage", async (actor) =>
    changed(await decideNoticeExtension({ actor, noticeId: String(noticeId), input })),
  );
}
