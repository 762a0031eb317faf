import { describe, expect, it } from "vitest";
import { bcp47, dirOf, hasRtl, isolate, isRtl, nameLang, scriptsIn, scriptsOf } from "./textlang";

describe("bcp47", () => {
  it("makes plain-language Bokmål Bokmål", () => {
    expect(bcp47("nb-lett")).toBe("nb");
  });
  it("passes ISO 639 codes and well-formed tags through", () => {
    for (const code of ["nb", "nn", "en", "ar", "ti", "ckb", "prs", "fit", "zh-Hant"]) expect(bcp47(code)).toBe(code);
  });
  it("keeps the language part of a code that is no tag, and nothing of nonsense", () => {
    expect(bcp47("so_SO")).toBe("so");
    expect(bcp47("x")).toBe("");
    expect(bcp47("")).toBe("");
  });
});

describe("isRtl and dirOf", () => {
  it("says the languages written in Arabic, Hebrew and Thaana are right to left", () => {
    for (const code of ["ar", "fa", "ur", "ps", "prs", "ckb", "he", "yi", "dv", "syr"]) {
      expect(isRtl(code), code).toBe(true);
      expect(dirOf(code)).toBe("rtl");
    }
  });
  it("says the others are left to right (Tigrinya, Punjabi, Kurmanji, Bokmål, an unknown code)", () => {
    for (const code of ["ti", "am", "pa", "ku", "nb", "nb-lett", "so", "ta", "zh", "qqq"]) {
      expect(isRtl(code), code).toBe(false);
      expect(dirOf(code)).toBe("ltr");
    }
  });
});

describe("scriptsOf and scriptsIn", () => {
  it("knows the script of a language, Latin when not listed", () => {
    expect(scriptsOf("ar")).toEqual(["Arabic"]);
    expect(scriptsOf("ja")).toEqual(["Han", "Hiragana", "Katakana"]);
    expect(scriptsOf("so")).toEqual(["Latin"]);
    expect(scriptsOf("vi")).toEqual(["Latin"]);
  });
  it("finds the scripts of a text's letters, not of its digits, spaces and marks", () => {
    expect(scriptsIn("Ali محمد 12-b")).toEqual(["Latin", "Arabic"]);
    expect(scriptsIn("1984 – ")).toEqual([]);
    expect(scriptsIn("サトー")).toEqual(["Katakana"]);
  });
});

describe("nameLang", () => {
  it("says an Arabic name of an Arabic-, Dari-, Urdu- or Sorani-speaking family in its language", () => {
    expect(nameLang("محمد", "ar")).toBe("ar");
    expect(nameLang("احمد شاه", "prs")).toBe("prs");
    expect(nameLang("عمران", "ur")).toBe("ur");
    expect(nameLang("ئاراس", "ckb")).toBe("ckb");
  });
  it("says a Tigrinya or Amharic name in Ethiopic in its language", () => {
    expect(nameLang("ሰላም", "ti")).toBe("ti");
    expect(nameLang("አበበ", "am")).toBe("am");
  });
  it("says names in Tamil, Chinese, Thai, Devanagari and Cyrillic in the family's language", () => {
    expect(nameLang("முருகன்", "ta")).toBe("ta");
    expect(nameLang("王芳", "zh")).toBe("zh");
    expect(nameLang("สมชาย", "th")).toBe("th");
    expect(nameLang("अनिता", "hi")).toBe("hi");
    expect(nameLang("सीता", "ne")).toBe("ne");
    expect(nameLang("Олена", "uk")).toBe("uk");
    expect(nameLang("Иван", "ru")).toBe("ru");
    expect(nameLang("さくら", "ja")).toBe("ja");
    expect(nameLang("민준", "ko")).toBe("ko");
  });
  it("gives no lang to a name in Latin letters, Vietnamese and Polish included", () => {
    expect(nameLang("Nguyễn Thị Hương", "vi")).toBeUndefined();
    expect(nameLang("Wójcik", "pl")).toBeUndefined();
    expect(nameLang("Cabdi", "so")).toBeUndefined();
    expect(nameLang("Ahmed", "ar")).toBeUndefined();
  });
  it("gives no lang when the family's language is not written in the name's script", () => {
    expect(nameLang("Олена", "ar")).toBeUndefined();
    expect(nameLang("محمد", "ti")).toBeUndefined();
    expect(nameLang("王芳", "th")).toBeUndefined();
    expect(nameLang("محمد", "so")).toBeUndefined();
    // Part in a script the language is not written in.
    expect(nameLang("محمد Олена", "ar")).toBeUndefined();
  });
  it("gives no lang when the family's language is not known", () => {
    expect(nameLang("محمد", undefined)).toBeUndefined();
    expect(nameLang("محمد", null)).toBeUndefined();
    expect(nameLang("محمد", "")).toBeUndefined();
  });
  it("allows Latin letters beside the language's own script", () => {
    expect(nameLang("محمد Ali", "ar")).toBe("ar");
  });
});

describe("isolate", () => {
  it("sets an Arabic or Hebrew name apart for a Norwegian sentence, and leaves other text as it is", () => {
    expect(hasRtl("محمد")).toBe(true);
    expect(isolate("محمد")).toBe("\u2068محمد\u2069");
    expect(isolate("שרה")).toBe("\u2068שרה\u2069");
    expect(isolate("Ola")).toBe("Ola");
    expect(isolate("Олена")).toBe("Олена");
  });
});
