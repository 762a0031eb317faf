// MOD11 checks for Norwegian organisation numbers and bank account numbers (fast UI feedback;
// the backend checks again).

function mod11(digits: string, weights: number[]): boolean {
  let sum = 0;
  for (let i = 0; i < weights.length; i++) sum += Number(digits[i]) * weights[i];
  let check = 11 - (sum % 11);
  if (check === 11) check = 0;
  if (check === 10) return false;
  return check === Number(digits[weights.length]);
}

function clean(value: string): string {
  return value.replace(/[\s.]/g, "");
}

/** Nine digits with a valid MOD11 check digit; spaces and dots are ignored. */
export function orgNumberOk(value: string): boolean {
  const d = clean(value);
  return /^\d{9}$/.test(d) && mod11(d, [3, 2, 7, 6, 5, 4, 3, 2]);
}

/** Eleven digits with a valid MOD11 check digit; spaces and dots are ignored. */
export function accountOk(value: string): boolean {
  const d = clean(value);
  return /^\d{11}$/.test(d) && mod11(d, [5, 4, 3, 2, 7, 6, 5, 4, 3, 2]);
}

// Card numbers like "2026-0042-9": the year, a serial within the year and a Damm check digit,
// which catches every single mistyped digit and every swap of two neighbouring digits.

/** The Damm algorithm's quasigroup of order 10 (as the backend's card_number.rs has it). */
const DAMM: readonly (readonly number[])[] = [
  [0, 3, 1, 7, 5, 9, 8, 6, 4, 2],
  [7, 0, 9, 2, 1, 5, 4, 8, 6, 3],
  [4, 2, 0, 6, 8, 7, 1, 3, 5, 9],
  [1, 7, 5, 0, 9, 8, 3, 4, 2, 6],
  [6, 1, 2, 3, 0, 4, 5, 9, 7, 8],
  [3, 6, 7, 4, 2, 0, 9, 5, 8, 1],
  [5, 8, 6, 9, 7, 2, 0, 1, 3, 4],
  [8, 9, 4, 5, 3, 6, 2, 0, 1, 7],
  [9, 4, 3, 8, 6, 1, 7, 2, 0, 5],
  [2, 5, 8, 1, 4, 3, 6, 7, 9, 0],
];

/** The Damm check digit of the digits in `digits` (anything else is skipped). */
export function damm(digits: string): number {
  let interim = 0;
  for (const ch of digits) {
    if (ch >= "0" && ch <= "9") interim = DAMM[interim][Number(ch)];
  }
  return interim;
}

/** The digits of a typed card number: dashes and spaces (of any kind) left out. */
function cardDigits(value: string): string {
  return value.replace(/[\s\-\u2010-\u2015]/g, "");
}

/**
 * What is wrong with a typed card number: "format" when it is not nine digits (åååå-nnnn-k,
 * dashes and spaces allowed), "checkDigit" when a digit was mistyped or two swapped; null
 * when it is a card number. The backend checks again (and knows whether the card exists).
 */
export function cardNumberProblem(value: string): "format" | "checkDigit" | null {
  const d = cardDigits(value.trim());
  if (!/^\d{9}$/.test(d) || d.slice(4, 8) === "0000") return "format";
  return damm(d) === 0 ? null : "checkDigit";
}

/** "202600429" or "2026 0042 9" → "2026-0042-9" (only when it is nine digits). */
export function formatCardNumber(value: string): string {
  const d = cardDigits(value.trim());
  return /^\d{9}$/.test(d) ? `${d.slice(0, 4)}-${d.slice(4, 8)}-${d.slice(8)}` : value.trim();
}
