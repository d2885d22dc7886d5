// The text of a PDF that Chromium printed (page.pdf()), page by page, read with Mozilla's
// pdf.js — so a print test checks what is on the paper, not only that a file came out.
export async function pdfText(pdf: Buffer): Promise<string> {
  const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
  const doc = await pdfjs.getDocument({ data: new Uint8Array(pdf), disableFontFace: true, useSystemFonts: false })
    .promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(""));
  }
  await doc.destroy();
  return pages.join("\n");
}
