// The recovery form's checks, made before the key is sent: a recovery key is 32 hex digits,
// printed as eight groups of four; the backend reads it the same way (case, spaces and dashes
// do not matter), and answers whether it fits.
import type { RecoveryRole } from "../bindings";
import { t } from "../i18n/index.svelte";

export const MIN_PASSWORD = 8;
const KEY_LENGTH = 32;

export type RecoveryForm = {
  role: RecoveryRole | null;
  key: string;
  username: string;
  password: string;
  password2: string;
};

/** The key's letters and digits, upper-cased, as the backend reads what was typed or scanned. */
export function keyCharacters(typed: string): string {
  return typed.replace(/[^0-9a-z]/gi, "").toUpperCase();
}

/** What is wrong with a typed recovery key, or null when it has the key's shape. */
export function keyProblem(typed: string): string | null {
  const chars = keyCharacters(typed);
  if (!chars) return t("common.required");
  const wrong = [...new Set(chars.replace(/[0-9A-F]/g, ""))];
  if (wrong.length > 0) return t("recover.keyChars", { chars: wrong.map((c) => `«${c}»`).join(", ") });
  if (chars.length !== KEY_LENGTH) return t("recover.keyLength", { count: chars.length });
  return null;
}

/** The form's errors by field (role, key, username, password, password2); empty when it may be sent. */
export function checkRecovery(f: RecoveryForm): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!f.role) errors.role = t("recover.roleRequired");
  const key = keyProblem(f.key);
  if (key) errors.key = key;
  if (!f.username.trim()) errors.username = t("common.required");
  if ([...f.password].length < MIN_PASSWORD) errors.password = t("admin.passwordShort", { min: MIN_PASSWORD });
  if (f.password2 !== f.password) errors.password2 = t("admin.passwordMismatch");
  return errors;
}
