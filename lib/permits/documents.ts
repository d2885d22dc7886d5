import "server-only";
import { getDb } from "../db";
import { storeAttachment } from "../attachments/attachments";
import type { Upload } from "../attachments/files";
import { assertCan, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { visibleCases } from "../projects/visibility";
import { assertCaseVisible, caseFacts, enforce } from "./load";
import { checkCaseAction } from "./permit-machine";

/**
 * Adds a document to the case's one set of materials (一套材料), which every department
 * reads: while the case is a draft, or while an item waits for 补正.
 */
export async function uploadCaseDocument({
  actor,
  caseId,
  file,
}: {
  actor: Actor;
  caseId: string;
  file: Upload | null;
}) {
  const c = await getDb().permitCase.findFirst({
    where: { id: caseId, AND: [visibleCases(actor)] },
    select: {
      id: true,
      state: true,
      projectId: true,
      project: { select: { ownerId: true, leaderId: true } },
      _count: { select: { items: { where: { state: "RETURNED" } } } },
    },
  });
  if (!c) throw new AppError("NOT_FOUND");
  enforce(
    checkCaseAction("ADD_DOCUMENT", caseFacts(actor, { ...c, hasReturnedItems: c._count.items > 0 })),
    "project.permit",
  );
  return storeAttachment({ actor, projectId: c.projectId, file, category: "DOCUMENT", permitCaseId: caseId });
}

/** The case's documents (一套材料), for anyone who may see the case; else 404. */
export async function listCaseDocuments({ actor, caseId }: { actor: Actor; caseId: string }) {
  assertCan(actor, "permit.read");
  await assertCaseVisible(getDb(), { actor, caseId });
  const rows = await getDb().attachment.findMany({
    where: { permitCaseId: caseId },
    orderBy: { createdAt: "asc" },
    select: { id: true, fileName: true, size: true, createdAt: true, uploadedBy: { select: { displayName: true } } },
  });
  return rows.map((r) => ({ ...r, uploadedBy: r.uploadedBy.displayName, createdAt: r.createdAt.toISOString() }));
}
