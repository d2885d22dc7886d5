import "server-only";
import { getDb, type Prisma, type Tx } from "../db";
import { assertCan, type Actor } from "../auth/permissions";
import { assertCaseVisible } from "./load";

export type PermitEventType =
  | "OPENED"
  | "UPDATED"
  | "SUBMITTED"
  | "APPROVED"
  | "RETURNED"
  | "REJECTED"
  | "RESUBMITTED"
  | "ISSUED"
  | "CASE_REJECTED";

/** The one writer of a case's timeline (permit_events): one step, by whom, with its note and figures. */
export async function writePermitEvent(
  tx: Tx,
  e: { caseId: string; itemId?: string; type: PermitEventType; userId: string; note?: string; data?: unknown },
) {
  await tx.permitEvent.create({
    data: {
      caseId: e.caseId,
      itemId: e.itemId ?? null,
      type: e.type,
      userId: e.userId,
      note: e.note ?? "",
      data: (e.data ?? undefined) as Prisma.InputJsonValue | undefined,
    },
  });
}

/** The case timeline with who did each step, for anyone who may see the case; else 404. */
export async function listPermitEvents({ actor, caseId }: { actor: Actor; caseId: string }) {
  assertCan(actor, "permit.read");
  await assertCaseVisible(getDb(), { actor, caseId });
  const rows = await getDb().permitEvent.findMany({
    where: { caseId },
    orderBy: { id: "asc" },
    select: {
      id: true,
      type: true,
      note: true,
      data: true,
      createdAt: true,
      user: { select: { displayName: true } },
      item: { select: { permitType: { select: { name: true } } } },
    },
  });
  return rows.map((r) => ({
    id: r.id.toString(),
    type: r.type,
    note: r.note,
    data: r.data,
    at: r.createdAt.toISOString(),
    by: r.user.displayName,
    permitTypeName: r.item?.permitType.name ?? null,
  }));
}
