// The text of a PDF that Chromium printed (the project has no PDF library): objects read,
// streams inflated, each font's ToUnicode CMap applied to the strings the pages draw with it
// (Tf selects the font; Tj / TJ draw hex strings). Enough to check what a printout says.
import zlib from "node:zlib";

type Obj = { dict: string; data: string | null };

function objects(pdf: Buffer): Map<string, Obj> {
  const latin = pdf.toString("latin1");
  const out = new Map<string, Obj>();
  const re = /(\d+) 0 obj\b/g;
  for (let m = re.exec(latin); m; m = re.exec(latin)) {
    const end = latin.indexOf("endobj", m.index);
    if (end < 0) break;
    const body = latin.slice(m.index + m[0].length, end);
    const s = body.search(/stream\r?\n/);
    let data: string | null = null;
    if (s >= 0) {
      const start = m.index + m[0].length + s + (body[s + 6] === "\r" ? 8 : 7);
      const stop = latin.lastIndexOf("endstream", end);
      const raw = pdf.subarray(start, stop);
      try {
        data = (body.slice(0, s).includes("/FlateDecode") ? zlib.inflateSync(raw) : raw).toString("latin1");
      } catch {
        data = null;
      }
    }
    out.set(m[1], { dict: s >= 0 ? body.slice(0, s) : body, data });
    re.lastIndex = end;
  }
  return out;
}

type CMap = { bytes: number; map: Map<number, string> };

const utf16 = (hex: string) => {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
};

function readCMap(text: string): CMap {
  const map = new Map<number, string>();
  const space = /begincodespacerange\s*<([0-9A-Fa-f]+)>/.exec(text);
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g))
    for (const [, code, u] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g))
      map.set(parseInt(code, 16), utf16(u));
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g))
    for (const [, a, b, u] of block[1].matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>/g)) {
      const base = parseInt(u, 16);
      for (let c = parseInt(a, 16); c <= parseInt(b, 16); c++)
        map.set(c, String.fromCodePoint(base + c - parseInt(a, 16)));
    }
  return { bytes: space ? space[1].length / 2 : 2, map };
}

/** Every string drawn on the PDF's pages, in drawing order, joined without spaces. */
export function pdfText(pdf: Buffer): string {
  const objs = objects(pdf);
  const fonts = new Map<string, CMap>();
  for (const o of objs.values())
    for (const [, name, ref] of o.dict.matchAll(/\/(F\d+) (\d+) 0 R/g)) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objs.get(ref)?.dict ?? "")?.[1];
      const cmap = toUnicode ? objs.get(toUnicode)?.data : null;
      if (cmap) fonts.set(name, readCMap(cmap));
    }
  let text = "";
  for (const o of objs.values()) {
    if (!o.data || !/\bBT\b/.test(o.data)) continue;
    let font: CMap | undefined;
    for (const [, name, hex] of o.data.matchAll(/\/(F\d+) [\d.]+ Tf|<([0-9A-Fa-f]*)>/g)) {
      if (name) font = fonts.get(name);
      else if (font)
        for (let i = 0; i + font.bytes * 2 <= hex.length; i += font.bytes * 2)
          text += font.map.get(parseInt(hex.slice(i, i + font.bytes * 2), 16)) ?? "";
    }
  }
  return text.replace(/\s+/g, "");
}
