import en from "../../lib/i18n/messages/en.json";
import zh from "../../lib/i18n/messages/zh-CN.json";
import { localeFromAcceptLanguage, resolveLocale } from "../../lib/i18n/config";
import { translate } from "../../lib/i18n/translate";
import { stages } from "../../lib/projects/stages";
import { roles } from "../../lib/auth/permissions";
import { errorStatus } from "../../lib/errors";

function keys(tree: object, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === "object" ? keys(v, `${prefix}${k}.`) : [`${prefix}${k}`],
  );
}

describe("message catalogues", () => {
  it("zh-CN and English have exactly the same keys", () => {
    expect(keys(en).sort()).toEqual(keys(zh).sort());
  });

  it("no message is empty", () => {
    for (const cat of [zh, en])
      for (const k of keys(cat)) expect(translate(cat === zh ? "zh-CN" : "en", k)).not.toBe("");
  });

  it("names every stage, role and error code", () => {
    for (const s of stages) expect(keys(zh)).toContain(`stages.${s}`);
    for (const r of roles) expect(keys(zh)).toContain(`roles.${r}`);
    for (const c of Object.keys(errorStatus)) expect(keys(zh)).toContain(`errors.${c}`);
  });

  it("fills placeholders", () => {
    expect(translate("zh-CN", "errors.ACCOUNT_LOCKED", { minutes: 15 })).toContain("15 分钟");
    expect(translate("en", "common.pageInfo", { page: 1, pages: 2, total: 30 })).toBe("Page 1 of 2, 30 in all");
  });

  it("defaults to Chinese", () => {
    expect(resolveLocale(undefined)).toBe("zh-CN");
    expect(resolveLocale("fr")).toBe("zh-CN");
    expect(resolveLocale("en")).toBe("en");
    expect(localeFromAcceptLanguage("en-US,en;q=0.9")).toBe("en");
    expect(localeFromAcceptLanguage("zh-CN,zh;q=0.9,en;q=0.8")).toBe("zh-CN");
    expect(localeFromAcceptLanguage(null)).toBe("zh-CN");
  });
});
