import { describe, expect, it } from "vitest";
import { checkRecovery, keyCharacters, keyProblem, type RecoveryForm } from "./recovery";

const KEY = "3F9A-0B1C-D2E3-F405-1627-3849-5A6B-7C8D";
const good: RecoveryForm = { role: "nav", key: KEY, username: "nav1", password: "hemmelig1", password2: "hemmelig1" };

describe("the recovery form's checks", () => {
  it("accepts a key as printed, in lower case, without dashes or with spaces", () => {
    expect(checkRecovery(good)).toEqual({});
    expect(keyProblem(KEY.toLowerCase())).toBeNull();
    expect(keyProblem(KEY.replaceAll("-", ""))).toBeNull();
    expect(keyProblem(` ${KEY.replaceAll("-", " ")} `)).toBeNull();
    expect(keyCharacters("3f9a-0b1c")).toBe("3F9A0B1C");
  });

  it("says how many characters a key with a missing group has", () => {
    expect(keyProblem(KEY.slice(0, 34))).toBe("Nøkkelen har 32 tegn; her er det 28. Sjekk at ingen gruppe mangler.");
  });

  it("names the characters a key cannot have, such as the letter O for a zero", () => {
    expect(keyProblem(KEY.replace("0B1C", "OB1C").replace("F405", "F4G5"))).toBe(
      "Nøkkelen har bare tallene 0–9 og bokstavene A–F; rett «O», «G».",
    );
  });

  it("needs the side, the key, a user name and the same password of at least 8 characters twice", () => {
    const errors = checkRecovery({ role: null, key: "", username: " ", password: "kort", password2: "annet" });
    expect(Object.keys(errors).sort()).toEqual(["key", "password", "password2", "role", "username"]);
    expect(errors.role).toBe("Velg siden nøkkelen står på: kulturkontoret eller NAV.");
    expect(errors.password).toBe("Passordet må ha minst 8 tegn.");
    expect(errors.password2).toBe("Passordene er ikke like.");
  });

  it("counts a password's characters as the backend does, not its UTF-16 units", () => {
    expect(checkRecovery({ ...good, password: "ææææææææ", password2: "ææææææææ" })).toEqual({});
    expect(checkRecovery({ ...good, password: "😀😀😀😀", password2: "😀😀😀😀" }).password).toBeTruthy();
  });
});
