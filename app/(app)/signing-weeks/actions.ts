"use server";
import { revalidatePath } from "next/cache";
import { runAction } from "@/lib/auth/action";
import {
  addCandidate,
  confirmCandidate,
  createSigningWeek,
  removeCandidate,
  updateSigningWeek,
} from "@/lib/signing-weeks/signing-weeks";

const changed = (w: { id: string; version: number }) => {
  revalidatePath(`/signing-weeks/${w.id}`);
  revalidatePath("/signing-weeks");
  return { id: w.id, version: w.version };
};

export async function createSigningWeekAction(input: unknown) {
  return runAction("signingWeek.manage", async (actor) => changed(await createSigningWeek({ actor, input })));
}

export async function updateSigningWeekAction(id: string, input: unknown) {
  return runAction("signingWeek.manage", async (actor) =>
    changed(await updateSigningWeek({ actor, id: String(id), input })),
  );
}

export async function addCandidateAction(id: string, input: unknown) {
  return runAction("signingWeek.manage", async (actor) =>
    changed(await addCandidate({ actor, id: String(id), input })),
  );
}

export async function confirmCandidateAction(id: string, projectId: string, input: unknown) {
  return runAction("signingWeek.manage", async (actor) =>
    changed(await confirmCandidate({ actor, id: String(id), projectId: String(projectId), input })),
  );
}

export async function removeCandidateAction(id: string, projectId: string, input: unknown) {
  return runAction("signingWeek.manage", async (actor) =>
    changed(await removeCandidate({ actor, id: String(id), projectId: String(projectId), input })),
  );
}
