// The import hands ExcelJS its sheet in chunks cut between whole UTF-8 characters: ExcelJS
// decodes each chunk on its own, and a streamed export's inline 汉字 cross every boundary.
import { utf8Boundary, wholeCharacters } from "../../lib/imports/xlsx-zip";

describe("whole UTF-8 characters per chunk", () => {
  const text = "项目A𠀋名称 ok 招商引资é";
  const bytes = Buffer.from(text, "utf8");

  it("finds the end of the last whole character", () => {
    expect(utf8Boundary(Buffer.from("abc"))).toBe(3);
    expect(utf8Boundary(Buffer.from("项"))).toBe(3);
    expect(utf8Boundary(Buffer.from("项").subarray(0, 2))).toBe(0);
    expect(utf8Boundary(Buffer.concat([Buffer.from("a"), Buffer.from("𠀋").subarray(0, 3)]))).toBe(1);
    expect(utf8Boundary(Buffer.alloc(0))).toBe(0);
  });

  it.each([1, 2, 3, 5, 7])("re-cuts %i-byte chunks so that each decodes on its own", async (size) => {
    async function* pieces() {
      for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
    }
    const decoded: string[] = [];
    for await (const chunk of wholeCharacters(pieces())) decoded.push(new TextDecoder().decode(chunk));
    expect(decoded.join("")).toBe(text);
  });
});
