"use client";

export type Uploaded = { id: string; fileName: string };

/**
 * The one way a form sends files with a record: each file is uploaded to the project first
 * (POST /api/v1/projects/{id}/attachments, whose type and size checks answer in the user's
 * language), and the record then links the attachments by id. Stops at the first refusal and
 * says why (the server's words for the file, else its message).
 */
export async function uploadProjectFiles(
  projectId: string,
  files: readonly File[],
  category: "DOCUMENT" | "OTHER",
): Promise<{ uploaded: Uploaded[]; error: string | null }> {
  const uploaded: Uploaded[] = [];
  for (const file of files) {
    const data = new FormData();
    data.set("file", file);
    data.set("category", category);
    const res = await fetch(`/api/v1/projects/${projectId}/attachments`, { method: "POST", body: data });
    const body = await res.json().catch(() => null);
    if (!res.ok) return { uploaded, error: body?.error?.fields?.file ?? body?.error?.message ?? res.statusText };
    uploaded.push({ id: body.id, fileName: body.fileName });
  }
  return { uploaded, error: null };
}
