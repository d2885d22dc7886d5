import "server-only";
import crypto from "node:crypto";
import type { Readable } from "node:stream";
import type { Upload } from "./files";
import { visibleProblemsWhere } from "../problems/problem-access";
import { getDb } from "../db";
import { env } from "../env";
import { writeAudit } from "../audit/log";
import { assertCan, assertCanOnProject, type Actor } from "../auth/permissions";
import { AppError } from "../errors";
import { assertProjectVisible, visibleCases, visibleProjects, withVisibleProjects } from "../projects/visibility";
import { parseInput } from "../validation";
import { cleanFileName, extensionOf, fileProblem } from "./files";
import { attachmentCategorySchema } from "./schemas";
import { appFileStore } from "./store";

export function uploadLimitMb(): number {
  return env().MAX_UPLOAD_MB;
}

export type { Upload } from "./files";

/**
 * Stores a file for a project: type allow-list and size limit first, then the file in the
 * file store (lib/attachments/store.ts) as <project>/<random name>, then the row and the
 * audit entry in one transaction. If the transaction fails the file is removed again.
 */
export async function uploadAttachment({
  actor,
  projectId,
  file,
  input,
}: {
  actor: Actor;
  projectId: string;
  file: Upload | null;
  input: unknown;
}) {
  const { category } = parseInput(attachmentCategorySchema, input);
  const project = await getDb().project.findFirst({
    where: withVisibleProjects(actor, { id: projectId }),
    select: { id: true, ownerId: true, leaderId: true },
  });
  if (!project) throw new AppError("NOT_FOUND");
  assertCanOnProject(actor, project, "attach");
  return storeAttachment({ actor, projectId, file, category, permitCaseId: null });
}

/**
 * Checks and stores a file the caller may attach: type allow-list and size limit, the
 * file in the file store as <project>/<random name> (UPLOAD_DIR's layout, or the bucket's
 * keys), then the row and the audit entry in one transaction; if that fails the file is
 * removed again.
 */
export async function storeAttachment({
  actor,
  projectId,
  file,
  category,
  permitCaseId,
}: {
  actor: Actor;
  projectId: string;
  file: Upload | null;
  category: "AGREEMENT" | "DOCUMENT" | "OTHER";
  permitCaseId: string | null;
}) {
  if (!file) throw new AppError("VALIDATION", { fields: { file: "validation.required" } });
  file = { ...file, name: cleanFileName(file.name) };
  const maxMb = env().MAX_UPLOAD_MB;
  const problem = fileProblem({ name: file.name, type: file.type, size: file.bytes.byteLength }, maxMb * 1024 * 1024);
  if (problem)
    throw new AppError("VALIDATION", { fields: { file: `validation.file.${problem}` }, params: { mb: maxMb } });
  const relative = `${projectId}/${crypto.randomUUID()}${extensionOf(file.name)}`;
  const store = appFileStore();
  await store.put(relative, file.bytes);
  try {
    return await getDb().$transaction(async (tx) => {
      const row = await tx.attachment.create({
        data: {
          projectId,
          permitCaseId,
          category,
          fileName: file.name,
          mimeType: file.type || "application/octet-stream",
          size: file.bytes.byteLength,
          storagePath: relative,
          uploadedById: actor.id,
        },
      });
      const view = { id: row.id, fileName: row.fileName, category: row.category, size: row.size };
      await writeAudit(tx, {
        actorId: actor.id,
        entityType: permitCaseId ? "PermitCase" : "Project",
        entityId: permitCaseId ?? projectId,
        action: "attachment:add",
        after: view,
      });
      return view;
    });
  } catch (err) {
    await store.delete(relative).catch((e) => console.error(`attachment ${relative} left behind:`, e));
    throw err;
  }
}

/**
 * A project's attachments, the case's documents among them: 404 unless the actor may read
 * the bureau's work on it (the case's documents are also read through the case).
 */
export async function listAttachments({ actor, projectId }: { actor: Actor; projectId: string }) {
  assertCan(actor, "project.read");
  await assertProjectVisible(getDb(), { actor, projectId, part: "work" });
  const rows = await getDb().attachment.findMany({
    where: { projectId },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      category: true,
      fileName: true,
      mimeType: true,
      size: true,
      createdAt: true,
      uploadedBy: { select: { displayName: true } },
    },
  });
  return rows.map((r) => ({ ...r, uploadedBy: r.uploadedBy.displayName, createdAt: r.createdAt.toISOString() }));
}

/**
 * The stored file: a case's document for anyone who may see the case, a 要素保障 problem's for
 * anyone who may see the problem, any other attachment
 * for those who may read the bureau's work on its project; else 404 (also when the file is
 * not in the store). The bytes stream from the store.
 */
export async function readAttachment({
  actor,
  id,
}: {
  actor: Actor;
  id: string;
}): Promise<{ fileName: string; mimeType: string; size: number; stream: Readable }> {
  assertCan(actor, "project.read");
  const row = await getDb().attachment.findFirst({
    where: {
      id,
      OR: [
        { permitCaseId: { not: null }, permitCase: { is: visibleCases(actor) } },
        // A problem's documents: for whoever sees the problem (its department's users too).
        { problemId: { not: null }, problem: { is: visibleProblemsWhere(actor) } },
        { project: { is: visibleProjects(actor, "work") } },
      ],
    },
  });
  if (!row) throw new AppError("NOT_FOUND");
  const stream = await appFileStore().get(row.storagePath);
  if (!stream) throw new AppError("NOT_FOUND");
  return { fileName: row.fileName, mimeType: row.mimeType, size: row.size, stream };
}
