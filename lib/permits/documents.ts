import "server-only";
import { getDb } from "../db";
import { storeAttachment, type Upload } from "../attachments/attachments";
import { assertCan, assertCanOnProject, type Actor } from "../auth/permissions";
import { AppError } from "../errors";

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
  const c = await getDb().permitCase.findUnique({
    where: { id: caseId },
    select: {
      id: true,
      state: true,
      projectId: true,
      project: { select: { ownerId: true, leaderId: true } },
      _count: { select: { items: { where: { state: "RETURNED" } } } },
    },
  });
  if (!c) throw new AppError("NOT_FOUND");
  assertCanOnProject(actor, c.project, "permit");
  const open = c.state === "DRAFT" || (c._count.items > 0 && (c.state === "SUBMITTED" || c.state === "IN_REVIEW"));
  if (!open) throw new AppError("RULE_PERMIT_APPLICATION_LOCKED");
  return storeAttachment({ actor, projectId: c.projectId, file, category: "DOCUMENT", permitCaseId: caseId });
}

export async function listCaseDocuments({ actor, caseId }: { actor: Actor; caseId: string }) {
  assertCan(actor, "permit.read");
  const rows = await getDb().attachment.findMany({
    where: { permitCaseId: caseId },
    orderBy: { createdAt: "asc" },
    select: { id: true, fileName: true, size: true, createdAt: true, uploadedBy: { select: { displayName: true } } },
  });
  return rows.map((r) => ({ ...r, uploadedBy: r.uploadedBy.displayName, createdAt: r.createdAt.toISOString() }));
}
