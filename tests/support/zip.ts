// Hand-made zip files for the reader's tests: a minimal workbook, and archives whose
// declared sizes are huge (a zip bomb) or lie.
import zlib from "node:zlib";

export type ZipPart = { name: string; data: string | Buffer; declaredSize?: number };

export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const data = Buffer.isBuffer(part.data) ? part.data : Buffer.from(part.data, "utf8");
    const packed = zlib.deflateRawSync(data);
    const name = Buffer.from(part.name, "utf8");
    const size = part.declaredSize ?? data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(8, 10);
    entry.writeUInt32LE(packed.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(name.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, name, packed);
    central.push(entry, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const cell = (ref: string, v: string) => `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;

/** A worksheet's XML with these rows of text (inline strings), and `padding` blanks before its end. */
export function sheetXml(rows: string[][], padding = 0): string {
  const body = rows
    .map(
      (r, i) =>
        `<row r="${i + 1}">${r.map((v, j) => cell(`${String.fromCharCode(65 + j)}${i + 1}`, v)).join("")}</row>`,
    )
    .join("");
  return `<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${body}</sheetData>${" ".repeat(padding)}</worksheet>`;
}

/** The parts of a workbook whose sheets are given in tab order (each stored as sheet<n>.xml in `files` order). */
export function workbookParts(sheets: { name: string; file: number; xml: string; declaredSize?: number }[]): ZipPart[] {
  const rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  return [
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0" encoding="UTF-8"?><workbook ${ns} xmlns:r="${rel}"><sheets>${sheets
        .map((s, i) => `<sheet name="${s.name}" sheetId="${i + 1}" r:id="rId${s.file}"/>`)
        .join("")}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${sheets
        .map((s) => `<Relationship Id="rId${s.file}" Type="${rel}/worksheet" Target="worksheets/sheet${s.file}.xml"/>`)
        .join("")}</Relationships>`,
    },
    ...[...sheets]
      .sort((a, b) => a.file - b.file)
      .map((s) => ({ name: `xl/worksheets/sheet${s.file}.xml`, data: s.xml, declaredSize: s.declaredSize })),
  ];
}
