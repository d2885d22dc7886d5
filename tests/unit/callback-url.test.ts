import { safeCallbackUrl } from "../../lib/auth/callback-url";

const origin = "http://127.0.0.1:3000";

describe("the callback after login", () => {
  it("keeps paths of the app", () => {
    expect(safeCallbackUrl("/projects?stage=LEAD#top", origin)).toBe("/projects?stage=LEAD#top");
    expect(safeCallbackUrl("/permits/abc", origin)).toBe("/permits/abc");
  });

  it.each([
    "/%5C127.0.0.2:9/pwned",
    "/\\127.0.0.2:9/pwned",
    "/%09/127.0.0.2:9/pwned",
    "/\t/127.0.0.2:9/pwned",
    "//evil.example/x",
    "///evil.example/x",
    "https://evil.example/",
    "javascript:alert(1)",
    "http://127.0.0.1:3001/",
    "",
  ])("sends %j home, never off-site", (raw) => {
    const target = safeCallbackUrl(raw, origin);
    expect(new URL(target, origin).origin).toBe(origin);
    expect(target.startsWith("/")).toBe(true);
    expect(target.startsWith("//")).toBe(false);
  });

  it("decoded separators that browsers read as a host are refused", () => {
    // What the form receives after Next.js decodes the query string.
    expect(safeCallbackUrl(decodeURIComponent("/%5C127.0.0.2:9/pwned"), origin)).toBe("/");
    expect(safeCallbackUrl(decodeURIComponent("/%09/127.0.0.2:9/pwned"), origin)).toBe("/");
  });
});
