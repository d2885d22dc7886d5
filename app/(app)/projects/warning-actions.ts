"use server";
import { getLocale } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { resolveLocale } from "@/lib/i18n/config";
import { endWarningOverride } from "@/lib/supervision/end-warning-override";
import { overrideWarning } from "@/lib/supervision/override-warning";

// 红黄蓝 on the project's 督办 tab: a manager's override and its early end.
export async function overrideWarningAction(projectId: string, input: unknown) {
  return runAction("warning.override", async (actor) => {
    const locale = resolveLocale(await getLocale());
    const r = await overrideWarning({ actor, projectId: String(projectId), input, locale });
    revalidatePath(`/projects/${projectId}`);
    return { warning: r.warning };
  });
}

export async function endWarningOverrideAction(projectId: string) {
  return runAction("warning.override", async (actor) => {
    const r = await endWarningOverride({
      actor,
      projectId: String(projectId),
      locale: resolveLocale(await getLocale()),
    });
    revalidatePath(`/projects/${projectId}`);
    return { warning: r.warning };
  });
}
