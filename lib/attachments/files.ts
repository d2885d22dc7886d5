import { stripInvisible } from "../text";
// Pure rules for uploaded files: which types are allowed and how large they may be.
export const allowedTypes: Record<string, string[]> = {
  ".pdf": ["application/pdf"],
  ".doc": ["application/msword"],
  ".docx": ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"],
  ".xls": ["application/vnd.ms-excel"],
  ".xlsx": ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"],
  ".jpg": ["image/jpeg"],
  ".jpeg": ["image/jpeg"],
  ".png": ["image/png"],
  ".zip": ["application/zip", "application/x-zip-compressed"],
  ".txt": ["text/plain"],
};

/** A file as a request carried it (see readUpload in lib/api/handler.ts). */
export type Upload = { name: string; type: string; bytes: Uint8Array };

export function extensionOf(fileName: string): string {
  const i = fileName.lastIndexOf(".");
  return i >= 0 ? fileName.slice(i).toLowerCase() : "";
}

export type FileProblem = "type" | "size" | "empty" | "name";

/** A file name as it will be stored and shown: invisible and bidi characters removed, trimmed. */
export const cleanFileName = (name: string) => stripInvisible(name.normalize("NFC")).trim();

/** What is wrong with an upload, or null. The MIME type may be empty (some browsers). */
export function fileProblem(file: { name: string; type: string; size: number }, maxBytes: number): FileProblem | null {
  // A name that is blank once invisible characters are gone, or only an extension, is no name.
  const stem = file.name.includes(".") ? file.name.slice(0, file.name.lastIndexOf(".")) : file.name;
  if (!stem.trim() || file.name.length > 200 || /[\\/\0]/.test(file.name)) return "name";
  const types = allowedTypes[extensionOf(file.name)];
  if (!types) return "type";
  if (file.type && file.type !== "application/octet-stream" && !types.includes(file.type)) return "type";
  if (file.size === 0) return "empty";
  if (file.size > maxBytes) return "size";
  return null;
}
