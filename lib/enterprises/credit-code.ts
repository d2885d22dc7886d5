// 统一社会信用代码 (unified social credit code), GB 32100-2015: 18 characters from a
// 31-character alphabet (no I, O, S, V, Z); the 18th is a check character over the first
// 17 with weights 3^(i) mod 31.
const alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character for the first 17 characters, or null if one is not allowed. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = alphabet.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * weights[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return alphabet[check];
}

/** As typed or pasted: full-width digits and letters (ＡＢ１２) become ASCII (NFKC), blanks go. */
export function normalizeCreditCode(code: string): string {
  return code.normalize("NFKC").replace(/\s+/g, "").toUpperCase();
}

export type CreditCodeProblem = "length" | "characters" | "check";

/** null when the code is valid, else what is wrong with it. */
export function creditCodeProblem(raw: string): CreditCodeProblem | null {
  const code = normalizeCreditCode(raw);
  if (code.length !== 18) return "length";
  if (![...code].every((c) => alphabet.includes(c))) return "characters";
  return creditCodeCheckChar(code.slice(0, 17)) === code[17] ? null : "check";
}

export function isValidCreditCode(raw: string): boolean {
  return creditCodeProblem(raw) === null;
}
