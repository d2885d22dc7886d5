"use server";
import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { resolveLocale } from "@/lib/i18n/config";
import { recordGrant } from "@/lib/incentives/grants";

// 政策兑现 on the project's tab: a manager records a grant.
export async function recordGrantAction(projectId: string, input: unknown) {
  return runAction("incentive.grant", async (actor) => {
    const locale = resolveLocale(await getLocale());
    const g = await recordGrant({ actor, projectId: String(projectId), input, locale });
    revalidatePath(`/projects/${projectId}`);
    return { id: g.id };
  });
}
