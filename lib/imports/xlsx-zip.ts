// The parts of an .xlsx (a zip) that the import reads, checked before anything is parsed:
// the zip's declared uncompressed sizes must fit the cap (a zip bomb is refused without
// being unpacked), and no part may unpack to more than it declared. ExcelJS's streaming
// reader then gets a zip of just those parts, stored, in the order it needs (relationships,
// workbook, shared strings and styles before the sheet), so it never parks a sheet in a
// temporary file and can stop after any row.
import fs from "node:fs";
import { Readable, pipeline } from "node:stream";
import zlib from "node:zlib";
import { SheetError } from "./sheet-error";

type ZipEntry = { name: string; method: number; compressedSize: number; size: number; offset: number };

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX32 = 0xffffffff;
/** The workbook and its relationships are read into memory to find the first sheet. */
const SMALL_PART = 16 * 1024 * 1024;

async function readRange(fh: fs.promises.FileHandle, start: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await fh.read(buf, 0, length, start);
  if (bytesRead !== length) throw new SheetError("format");
  return buf;
}

/** A ZIP64 extended-information field's values, for the fields the entry set to 0xFFFFFFFF. */
function zip64Values(extra: Buffer, wanted: number): number[] {
  for (let p = 0; p + 4 <= extra.length;) {
    const id = extra.readUInt16LE(p);
    const len = extra.readUInt16LE(p + 2);
    if (id === 0x0001) {
      const values: number[] = [];
      for (let i = 0; i < wanted; i++) {
        if (p + 4 + 8 * (i + 1) > p + 4 + len) throw new SheetError("format");
        const v = extra.readBigUInt64LE(p + 4 + 8 * i);
        // Past 2^53 bytes is past any cap.
        values.push(v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v));
      }
      return values;
    }
    p += 4 + len;
  }
  throw new SheetError("format");
}

/** The entries of a zip's central directory, with the sizes they declare. */
export async function readZipDirectory(file: string): Promise<ZipEntry[]> {
  const fh = await fs.promises.open(file, "r");
  try {
    const { size } = await fh.stat();
    const tailLength = Math.min(size, 22 + 0xffff);
    if (tailLength < 22) throw new SheetError("format");
    const tail = await readRange(fh, size - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - 22; i >= 0 && at < 0; i--) if (tail.readUInt32LE(i) === EOCD) at = i;
    if (at < 0) throw new SheetError("format");
    const count = tail.readUInt16LE(at + 10);
    const dirSize = tail.readUInt32LE(at + 12);
    const dirOffset = tail.readUInt32LE(at + 16);
    // A ZIP64 directory means more than 65,535 parts or offsets past 4 GB: no workbook to import.
    if (count === 0xffff || dirOffset === MAX32 || dirSize === MAX32) throw new SheetError("tooLarge");
    if (dirOffset + dirSize > size) throw new SheetError("format");
    const dir = await readRange(fh, dirOffset, dirSize);
    const entries: ZipEntry[] = [];
    for (let p = 0, i = 0; i < count; i++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL) throw new SheetError("format");
      const method = dir.readUInt16LE(p + 10);
      let compressedSize = dir.readUInt32LE(p + 20);
      let entrySize = dir.readUInt32LE(p + 24);
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      let offset = dir.readUInt32LE(p + 42);
      const name = dir.toString("utf8", p + 46, p + 46 + nameLength);
      const big = [entrySize, compressedSize, offset].filter((v) => v === MAX32).length;
      if (big) {
        const values = zip64Values(dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength), big);
        if (entrySize === MAX32) entrySize = values.shift()!;
        if (compressedSize === MAX32) compressedSize = values.shift()!;
        if (offset === MAX32) offset = values.shift()!;
      }
      entries.push({ name, method, compressedSize, size: entrySize, offset });
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await fh.close();
  }
}

/** One part's bytes as stored, unpacked as they stream; never more than it declared. */
async function* partData(file: string, entry: ZipEntry): AsyncGenerator<Buffer> {
  const fh = await fs.promises.open(file, "r");
  let start: number;
  try {
    const local = await readRange(fh, entry.offset, 30);
    if (local.readUInt32LE(0) !== LOCAL) throw new SheetError("format");
    start = entry.offset + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
  } finally {
    await fh.close();
  }
  if (entry.method !== 0 && entry.method !== 8) throw new SheetError("format");
  if (entry.compressedSize === 0) {
    if (entry.size !== 0) throw new SheetError("format");
    return;
  }
  const raw = fs.createReadStream(file, { start, end: start + entry.compressedSize - 1 });
  const data = entry.method === 8 ? pipeline(raw, zlib.createInflateRaw(), () => undefined) : raw;
  let count = 0;
  try {
    for await (const chunk of data as AsyncIterable<Buffer>) {
      count += chunk.length;
      if (count > entry.size) throw new SheetError("tooLarge");
      yield chunk;
    }
  } finally {
    raw.destroy();
    data.destroy();
  }
  if (count !== entry.size) throw new SheetError("format");
}

/** Where the last whole UTF-8 character of `buf` ends (before a sequence cut short at its end). */
export function utf8Boundary(buf: Uint8Array): number {
  let i = buf.length - 1;
  while (i >= 0 && buf.length - i <= 3 && (buf[i] & 0xc0) === 0x80) i--;
  if (i < 0) return buf.length;
  const lead = buf[i];
  const length = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
  return i + length <= buf.length ? buf.length : i;
}

/**
 * The chunks cut at UTF-8 character boundaries: ExcelJS's reader decodes each chunk on its
 * own, so a 汉字 split between two chunks (inline strings in a streamed sheet, a large
 * sharedStrings part) would come out as two replacement characters.
 */
export async function* wholeCharacters(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let carry: Buffer | null = null;
  for await (const chunk of chunks) {
    const buf: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const cut = utf8Boundary(buf);
    carry = cut < buf.length ? Buffer.from(buf.subarray(cut)) : null;
    if (cut > 0) yield buf.subarray(0, cut);
  }
  if (carry) yield carry;
}

async function partText(file: string, entry: ZipEntry): Promise<string> {
  if (entry.size > SMALL_PART) throw new SheetError("tooLarge");
  const chunks: Buffer[] = [];
  for await (const chunk of partData(file, entry)) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

const attr = (tag: string, name: string) => new RegExp(`\\s(?:[\\w.-]+:)?${name}="([^"]*)"`).exec(tag)?.[1];

/** The zip path of the workbook's first sheet (tab order), from the workbook and its relationships. */
function firstSheetPath(workbookXml: string, relsXml: string): string | undefined {
  const sheet = /<(?:[\w.-]+:)?sheet\b[^>]*>/.exec(workbookXml)?.[0];
  const rId = sheet && attr(sheet, "id");
  if (!rId) return undefined;
  for (const [rel] of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    if (attr(rel, "Id") !== rId) continue;
    const target = attr(rel, "Target");
    if (!target) return undefined;
    return target.startsWith("/") ? target.slice(1) : `xl/${target.replace(/^\.\//, "")}`;
  }
  return undefined;
}

type Part = { name: string; size: number; data: () => AsyncIterable<Buffer> };

function localHeader(name: string, size: number): Buffer {
  const nameBytes = Buffer.from(name, "utf8");
  const h = Buffer.alloc(30);
  h.writeUInt32LE(LOCAL, 0);
  h.writeUInt16LE(20, 4); // version needed
  h.writeUInt16LE(0x0800, 6); // UTF-8 names, sizes in this header
  h.writeUInt16LE(0, 8); // stored
  h.writeUInt32LE(size, 18);
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(nameBytes.length, 26);
  return Buffer.concat([h, nameBytes]);
}

const emptySharedStrings = Buffer.from(
  '<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>',
);

/**
 * The stream ExcelJS's WorkbookReader reads: the first sheet of the workbook and what it
 * needs, checked against `maxUnpackedBytes`. A part that unpacks to more than it declared
 * (or less) ends the stream early: ExcelJS's reader cannot be handed a stream error and
 * would wait for the rest, so `onFailure` tells the reader to stop waiting.
 */
/** The zip's entries by name and its first sheet, once the declared sizes fit the cap. */
async function firstSheet(file: string, maxUnpackedBytes: number) {
  const entries = await readZipDirectory(file);
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > maxUnpackedBytes) throw new SheetError("tooLarge");
  const byName = new Map(entries.map((e) => [e.name, e]));
  const rels = byName.get("xl/_rels/workbook.xml.rels");
  const workbook = byName.get("xl/workbook.xml");
  if (!rels || !workbook) throw new SheetError("format");
  const sheets = entries
    .filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name))
    .sort((a, b) => Number(/\d+/.exec(a.name.slice(14))) - Number(/\d+/.exec(b.name.slice(14))));
  const firstPath = firstSheetPath(await partText(file, workbook), await partText(file, rels));
  const sheet = (firstPath && byName.get(firstPath)) || sheets[0];
  if (!sheet) throw new SheetError("empty");
  return { byName, rels, workbook, sheet };
}

/** A merged area of the sheet: rows and columns from 1, as Excel counts them. */
export type MergedArea = { top: number; left: number; bottom: number; right: number };

const columnNumber = (letters: string) => [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * The merged areas of the first sheet (`<mergeCell ref="A1:H1"/>`, written after the rows,
 * so ExcelJS's streaming reader never hands them over): read from the sheet part as it
 * unpacks, under the same limits as the rows.
 */
export async function sheetMerges(file: string, maxUnpackedBytes: number): Promise<MergedArea[]> {
  const { sheet } = await firstSheet(file, maxUnpackedBytes);
  const areas: MergedArea[] = [];
  const tag = /<(?:[\w.-]+:)?mergeCell\b[^>]*\bref="\$?([A-Z]{1,3})\$?(\d+):\$?([A-Z]{1,3})\$?(\d+)"/g;
  let rest = "";
  for await (const chunk of partData(file, sheet)) {
    // Most chunks are rows: a native search passes over them without making text of them.
    const seam = rest.slice(-20) + chunk.subarray(0, 20).toString("latin1");
    if (chunk.indexOf("mergeCell") < 0 && !seam.includes("mergeCell") && !rest.includes("mergeCell")) {
      rest = chunk.subarray(Math.max(0, chunk.length - 200)).toString("latin1");
      continue;
    }
    // Tags are ASCII: latin1 keeps every byte one character, whatever the text around them.
    const text = rest + chunk.toString("latin1");
    let end = 0;
    for (const m of text.matchAll(tag)) {
      areas.push({ top: Number(m[2]), left: columnNumber(m[1]), bottom: Number(m[4]), right: columnNumber(m[3]) });
      end = m.index + m[0].length;
    }
    rest = text.slice(Math.max(end, text.length - 200));
  }
  return areas;
}

export async function xlsxParts(file: string, maxUnpackedBytes: number) {
  const { byName, rels, workbook, sheet } = await firstSheet(file, maxUnpackedBytes);
  const stored = (e: ZipEntry, name = e.name): Part => ({ name, size: e.size, data: () => partData(file, e) });
  const sharedStrings = byName.get("xl/sharedStrings.xml");
  const styles = byName.get("xl/styles.xml");
  const parts: Part[] = [
    stored(rels),
    stored(workbook),
    // Without shared strings ExcelJS would park the sheet in a temporary file.
    sharedStrings
      ? stored(sharedStrings)
      : {
          name: "xl/sharedStrings.xml",
          size: emptySharedStrings.length,
          data: async function* () {
            yield emptySharedStrings;
          },
        },
    ...(styles ? [stored(styles)] : []),
    stored(sheet, /^xl\/worksheets\/sheet\d+\.xml$/.test(sheet.name) ? sheet.name : "xl/worksheets/sheet1.xml"),
  ];
  let failed: SheetError | null = null;
  let listener: (err: SheetError) => void = () => undefined;
  async function* zip() {
    try {
      for (const part of parts) {
        yield localHeader(part.name, part.size);
        for await (const chunk of wholeCharacters(part.data())) yield chunk;
      }
    } catch (err) {
      failed = err instanceof SheetError ? err : new SheetError("format");
      listener(failed);
    }
  }
  return {
    stream: Readable.from(zip(), { objectMode: false }),
    failed: () => failed,
    /** Called once if the stream fails (one listener: each call replaces the last). */
    onFailure: (f: (err: SheetError) => void) => (listener = f),
  };
}
