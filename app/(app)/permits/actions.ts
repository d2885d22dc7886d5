"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import { deleteCalendarDay } from "@/lib/permits/calendar";
import { saveHolidayPeriods } from "@/lib/permits/save-holiday-periods";
import { openPermitCase } from "@/lib/permits/open-permit-case";
import { submitPermitCase } from "@/lib/permits/submit-permit-case";
import { updateApplication } from "@/lib/permits/update-application";
import { decidePermitItem } from "@/lib/permits/decide-permit-item";
import { resubmitPermitItem } from "@/lib/permits/resubmit-permit-item";
import { createPermitType, updatePermitType } from "@/lib/permits/permit-types";

export async function openPermitCaseAction(projectId: string, input: unknown) {
  return runAction(undefined, async (actor) => {
    const c = await openPermitCase({ actor, projectId: String(projectId), input });
    revalidatePath(`/projects/${projectId}`);
    return { id: c.id };
  });
}

export async function updateApplicationAction(caseId: string, input: unknown) {
  return runAction(undefined, async (actor) => {
    const c = await updateApplication({ actor, caseId: String(caseId), input });
    revalidatePath(`/permits/${caseId}`);
    return { id: c.id, version: c.version };
  });
}

export async function submitPermitCaseAction(caseId: string, input: unknown) {
  return runAction(undefined, async (actor) => {
    const c = await submitPermitCase({ actor, caseId: String(caseId), input });
    revalidatePath(`/permits/${caseId}`);
    return { id: c.id, state: c.state };
  });
}

export async function decidePermitItemAction(itemId: string, input: unknown) {
  return runAction("permit.decide", async (actor) => {
    const c = await decidePermitItem({ actor, itemId: String(itemId), input });
    revalidatePath(`/permits/${c.id}`);
    revalidatePath("/permits");
    return { id: c.id, state: c.state, itemState: c.items.find((i) => i.id === String(itemId))?.state };
  });
}

export async function resubmitPermitItemAction(itemId: string, input: unknown) {
  return runAction(undefined, async (actor) => {
    const c = await resubmitPermitItem({ actor, itemId: String(itemId), input });
    revalidatePath(`/permits/${c.id}`);
    return { id: c.id, state: c.state, dueDate: c.items.find((i) => i.id === String(itemId))?.dueDate };
  });
}

export async function saveHolidayPeriodsAction(input: unknown) {
  return runAction("permit.admin", async (actor) => {
    const r = await saveHolidayPeriods({ actor, input });
    revalidatePath("/admin/calendar");
    revalidatePath("/permits");
    return r;
  });
}

export async function deleteCalendarDayAction(date: string) {
  return runAction("permit.admin", async (actor) => {
    const r = await deleteCalendarDay({ actor, date: String(date) });
    revalidatePath("/admin/calendar");
    return r;
  });
}

export async function savePermitTypeAction(id: string | null, input: unknown) {
  return runAction("permit.admin", async (actor) => {
    const row = id
      ? await updatePermitType({ actor, id: String(id), input })
      : await createPermitType({ actor, input });
    revalidatePath("/admin/permit-types");
    return { id: row.id, version: row.version };
  });
}
