// Notifications in words and the robots' message format (pure).
import en from "../../lib/i18n/messages/en.json";
import zh from "../../lib/i18n/messages/zh-CN.json";
import { notificationKinds } from "../../lib/notifications/kinds";
import { notificationMessage, notificationParams } from "../../lib/notifications/message";
import { dingtalkSign, dingtalkSignedUrl, robotBody, robotMarkdown } from "../../lib/notifications/webhook-body";
import { hasMessage } from "../../lib/i18n/translate";

describe("notification words", () => {
  it("every known kind has its short name in both languages (the robots' event choice)", () => {
    for (const kind of notificationKinds)
      for (const locale of ["zh-CN", "en"] as const)
        expect([kind, locale, hasMessage(locale, `notifications.kindNames.${kind}`)]).toEqual([kind, locale, true]);
    expect(Object.keys(zh.notifications.kindNames)).toEqual(Object.keys(en.notifications.kindNames));
  });

  it("a kind without words, or words missing a param, falls back to a sentence, never a code", () => {
    for (const locale of ["zh-CN", "en"] as const) {
      for (const [kind, params] of [
        ["unknownKind", {}],
        ["unknownKind", { projectName: "开影医疗CT项目" }],
        ["warningRed", {}],
        ["warningRed", { projectName: "开影医疗CT项目" }],
        ["../../x", { projectName: "x" }],
      ] as const) {
        const text = notificationMessage(locale, kind, params);
        expect(text).not.toMatch(/unknownKind|warningRed|notifications\.|\{|\}|\.\.\//);
        expect(text.length).toBeGreaterThan(2);
        if ("projectName" in params) expect(text).toContain(params.projectName);
      }
    }
    expect(notificationMessage("zh-CN", "warningRed", { projectName: "甲" })).toContain("红灯");
    expect(notificationMessage("en", "planToSign", {})).toBe("Plan to sign");
  });

  it("keeps only text and number params", () => {
    expect(notificationParams({ a: "x", b: 2, c: { d: 1 }, e: null, f: [1] })).toEqual({ a: "x", b: 2 });
    expect(notificationParams(null)).toEqual({});
    expect(notificationParams([1, 2])).toEqual({});
  });
});

describe("the robots' messages", () => {
  const labels = { project: "项目", details: "查看详情" };

  it("bold title, the project linked absolutely, then the facts; names cannot break the markdown", () => {
    const md = robotMarkdown(
      {
        title: "项目「[甲]」亮红灯\n严重滞后",
        projectName: "甲](http://evil)",
        link: "https://crm.example.gov.cn/projects/p1?tab=x (1)",
        facts: [
          ["项目编号", "NH-2026-0031"],
          ["空", ""],
        ],
      },
      labels,
    );
    expect(md.split("\n")[0]).toBe("**项目「［甲］」亮红灯 严重滞后**");
    expect(md).toContain("> 项目：[甲］(http://evil)](https://crm.example.gov.cn/projects/p1?tab=x%20%281%29)");
    expect(md).toContain("> 项目编号：NH-2026-0031");
    expect(md).not.toContain("空");
    expect(robotMarkdown({ title: "测试", link: "/relative" }, labels)).toBe("**测试**\n");
    expect(robotMarkdown({ title: "测试", link: "https://a.example/" }, labels)).toContain(
      "[查看详情](https://a.example/)",
    );
  });

  it("stays within 企业微信's 4096 bytes", () => {
    const md = robotMarkdown({ title: "长".repeat(3000) }, labels);
    expect(Buffer.byteLength(md)).toBeLessThanOrEqual(3800);
    expect(md.endsWith("…")).toBe(true);
  });

  it("企业微信 and 钉钉 bodies", () => {
    expect(robotBody("WECOM", "标题", "**标题**")).toEqual({ msgtype: "markdown", markdown: { content: "**标题**" } });
    expect(robotBody("DINGTALK", "标题", "**标题**")).toEqual({
      msgtype: "markdown",
      markdown: { title: "标题", text: "**标题**" },
    });
  });

  it("钉钉 加签 as DingTalk documents it", () => {
    // HMAC-SHA256("SECxyz", "1700000000000\nSECxyz"), base64 — computed independently with openssl.
    const sign = dingtalkSign("SECxyz", 1700000000000);
    expect(sign).toBe("0PUR1j8g85Xg3vlFV/UrEcxXfF5HpCAGzcjrNfyJoyg=");
    const url = dingtalkSignedUrl("https://oapi.dingtalk.com/robot/send?access_token=t", "SECxyz", 1700000000000);
    expect(url).toBe(
      `https://oapi.dingtalk.com/robot/send?access_token=t&timestamp=1700000000000&sign=${encodeURIComponent(sign)}`,
    );
    expect(dingtalkSignedUrl("http://h/x", "s", 1)).toMatch(/^http:\/\/h\/x\?timestamp=1&sign=/);
  });
});
