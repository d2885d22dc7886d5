// Every schema a boundary parses, fed with bad input of every kind, answers field
// messages written for people in both languages: never a parser's default text, never
// an unnamed field, never Chinese in English.
import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import { isAppError, type AppError } from "../../lib/errors";
import { fieldLabelKey } from "../../lib/i18n/field-messages";
import { localizeError } from "../../lib/i18n/errors";
import { catalogueOf } from "../../lib/i18n/translate";
import { labelsOf } from "../../lib/schemas";
import { parseInput } from "../../lib/validation";

const root = path.join(__dirname, "../../lib");
const schemaFiles = fs
  .readdirSync(root, { recursive: true, encoding: "utf8" })
  .filter((f) => f.endsWith("schemas.ts") && f !== "schemas.ts")
  .map((f) => path.join(root, f));

/** Pieces that are parts of other schemas, not parsed at a boundary on their own. */
const parts = new Set([
  "creditCodeSchema",
  "usernameSchema",
  "passwordSchema",
  "projectRowSchema",
  "enterpriseRowSchema",
  "targetYear",
]);

const schemas: [string, z.ZodType][] = schemaFiles.flatMap((file) =>
  Object.entries(require(file) as Record<string, unknown>)
    .filter((e): e is [string, z.ZodType] => e[1] instanceof z.ZodType && !parts.has(e[0]))
    .map(([name, s]): [string, z.ZodType] => [`${path.relative(root, file)}:${name}`, s]),
);

const bad: unknown[] = [
  undefined,
  null,
  "",
  "   ",
  "\u0000",
  "\ud800",
  "x".repeat(10_001),
  "abc",
  "2026-13-45",
  -1,
  0,
  1e21,
  12.345,
  true,
  {},
  [],
  ["x".repeat(300)],
  Array.from({ length: 300 }, () => "x"),
];

function keysOf(schema: z.ZodType): string[][] {
  const def = (schema as unknown as { def: { type: string; options?: z.ZodType[] } }).def;
  if (schema instanceof z.ZodObject) return [Object.keys(schema.shape)];
  if (def.type === "union" && def.options) return def.options.flatMap(keysOf);
  return [[]];
}

function inputsFor(schema: z.ZodType): unknown[] {
  const inputs: unknown[] = [undefined, null, "text", 42, [], {}];
  const unionOptions = (schema as unknown as { def: { options?: z.ZodObject[] } }).def.options ?? [];
  const literals = unionOptions.map((o) => {
    const action = Object.entries(o.shape).find(([, v]) => v instanceof z.ZodLiteral);
    return action ? { [action[0]]: (action[1] as z.ZodLiteral).value } : {};
  });
  for (const keys of keysOf(schema))
    for (const value of bad)
      for (const base of literals.length ? literals : [{}])
        inputs.push({ ...Object.fromEntries(keys.map((k) => [k, value])), ...base });
  return inputs;
}

// zod's own texts in any language ("无效输入：期望 string", "Invalid input: expected string,
// received undefined", "Too big"), and placeholders or labels left unfilled.
const parserText =
  /无效|期望|Invalid|expected (string|number|boolean|array|object|one of|a |an |<|>|int|date)|received|Too (big|small)|Unrecognized|\{|\}|undefined|NaN|fields\./;

describe("field messages", () => {
  it("finds the boundary schemas", () => {
    expect(schemas.length).toBeGreaterThan(30);
  });

  for (const [name, schema] of schemas)
    it(`${name} names its fields and speaks both languages`, () => {
      const labels = labelsOf(schema);
      expect({ name, labels }).toEqual({ name, labels: expect.any(String) });
      let refused = 0;
      for (const input of inputsFor(schema)) {
        let error: AppError | null = null;
        try {
          parseInput(schema, input);
        } catch (e) {
          if (!isAppError(e)) throw e;
          error = e;
        }
        if (!error) continue;
        refused++;
        expect(error.code).toBe("VALIDATION");
        for (const locale of ["zh-CN", "en"] as const) {
          const cat = catalogueOf(locale);
          const fields = localizeError(error, locale).fields ?? {};
          for (const [field, text] of Object.entries(fields)) {
            const where = `${name} ${locale} ${field} ← ${JSON.stringify(input)?.slice(0, 60)}: ${text}`;
            expect({ where, ok: !parserText.test(text) }).toEqual({ where, ok: true });
            if (field !== "_")
              expect({ where, label: fieldLabelKey(cat, field, labels) }).toEqual({ where, label: expect.any(String) });
            if (locale === "en") expect({ where, ok: !/[\u4e00-\u9fff]/.test(text) }).toEqual({ where, ok: true });
          }
        }
      }
      expect(refused).toBeGreaterThan(0);
    });
});
