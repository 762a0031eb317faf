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
