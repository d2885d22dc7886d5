import fc from "fast-check";
import { creditCodeCheckChar, creditCodeProblem, isValidCreditCode } from "../../lib/enterprises/credit-code";

describe("统一社会信用代码 (GB 32100-2015)", () => {
  it("accepts published valid codes", () => {
    // Codes printed on real business licences (check characters verified by hand).
    for (const code of ["91350100M000100Y43", "911100001000080343", "91330000MA27U0XN9X"]) {
      expect([code, isValidCreditCode(code)]).toEqual([code, true]);
    }
  });

  it("names what is wrong", () => {
    expect(creditCodeProblem("9135010")).toBe("length");
    expect(creditCodeProblem("91350100M000100YI3")).toBe("characters");
    expect(creditCodeProblem("91350100M000100Y44")).toBe("check");
    expect(creditCodeProblem(" 91350100m000100y43 ")).toBeNull();
  });

  const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  const body = fc.array(fc.constantFrom(...alphabet), { minLength: 17, maxLength: 17 }).map((a) => a.join(""));

  it("accepts every code that carries its check character", () => {
    fc.assert(fc.property(body, (b) => isValidCreditCode(b + creditCodeCheckChar(b))));
  });

  it("catches every single-character change", () => {
    fc.assert(
      fc.property(body, fc.integer({ min: 0, max: 17 }), fc.constantFrom(...alphabet), (b, pos, c) => {
        const code = b + creditCodeCheckChar(b);
        fc.pre(code[pos] !== c);
        const changed = code.slice(0, pos) + c + code.slice(pos + 1);
        return !isValidCreditCode(changed);
      }),
    );
  });
});
