// One way to answer a file download: the name in UTF-8 for every browser (RFC 5987/6266
// `filename*`, so 招商项目_签约_2026-11-27.xlsx keeps its Chinese) and an ASCII `filename`
// for clients that read only that.

const xlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** RFC 5987 ext-value characters: encodeURIComponent leaves ' ( ) * as they are, which it may not. */
const rfc5987 = (name: string) =>
  encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** `attachment; filename="…"; filename*=UTF-8''…`; the ASCII name defaults to the name with other characters as "_". */
export function contentDisposition(fileName: string, asciiName?: string): string {
  const ascii = (asciiName ?? fileName).replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${rfc5987(fileName)}`;
}

/** A file as a download answer (an .xlsx unless `type` says otherwise): its bytes, or a stream of them. */
export function downloadResponse(
  bytes: Uint8Array | ReadableStream<Uint8Array>,
  { fileName, asciiName, type = xlsxType }: { fileName: string; asciiName?: string; type?: string },
): Response {
  return new Response(bytes instanceof ReadableStream ? bytes : new Uint8Array(bytes), {
    headers: {
      "content-type": type,
      "content-disposition": contentDisposition(fileName, asciiName),
      "x-content-type-options": "nosniff",
    },
  });
}
