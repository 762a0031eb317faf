#!/usr/bin/env node
// Generates crates/core/src/languages.rs: every language a family may prefer, as an ISO 639 code
// with its name in Norwegian Bokmål, in Norwegian Nynorsk, in English and in itself, taken from
// the Unicode CLDR (npm package cldr-localenames-full, major version 48). A language CLDR does
// not name in Nynorsk gets its Bokmål name there.
//
// Usage:
//   node scripts/gen-languages.mjs                 installs cldr-localenames-full@48 into a
//                                                  temporary folder with npm, then removes it
//   node scripts/gen-languages.mjs --cldr DIR      uses an existing copy: DIR is the package
//                                                  folder (holding main/) or an npm prefix
//   node scripts/gen-languages.mjs --out FILE      writes FILE instead of the default
//
// Needs Node 20 and npm; adds nothing to the repository's package.json.

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const PACKAGE = 'cldr-localenames-full';
const MAJOR = 48;
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const DEFAULT_OUT = join(ROOT, 'crates', 'core', 'src', 'languages.rs');

// Three-letter codes that have no ISO 639-1 code but are spoken by families in Norway. Each is
// kept only if CLDR names it in Bokmål; the others are reported and left out.
const EXTRA = [
  // Afghanistan, Iran, Iraq, Syria, Turkey, Pakistan
  'prs', // Dari (CLDR: fa-AF)
  'ckb', // Central Kurdish, Sorani
  'kmr', // Northern Kurdish, Kurmanji (CLDR has no kmr: its `ku` is Kurmanji)
  'sdh', // Southern Kurdish
  'lrc', // Northern Luri
  'zza', // Zaza
  'syr', // Syriac
  'bal', // Baluchi
  // Philippines
  'fil', // Filipino
  'ceb', // Cebuano
  'ilo', // Iloko
  // Chinese languages besides Mandarin (zh)
  'yue', // Cantonese
  'nan', // Min Nan
  'hak', // Hakka
  'wuu', // Wu
  // Amazigh (Berber); `ber` is a collective code
  'ber',
  'kab', // Kabyle
  'tzm', // Central Atlas Tamazight
  'zgh', // Standard Moroccan Tamazight
  'shi', // Tachelhit
  'rif', // Riffian
  // Sami languages (Northern Sami is the two-letter `se`; `sme` is its three-letter code)
  'sme',
  'sma', // Southern Sami
  'smj', // Lule Sami
  'smn', // Inari Sami
  'sms', // Skolt Sami
  'sju', // Ume Sami
  'sje', // Pite Sami
  // Norway's national minorities
  'rom', // Romani
  'rmn', // Balkan Romani
  'rmu', // Tavringer Romani
  'fit', // Tornedalen Finnish
  'fkv', // Kven
  // Eritrea, Ethiopia, Sudan, South Sudan
  'byn', // Blin
  'tig', // Tigre
  'ssy', // Saho
  'din', // Dinka
  'nus', // Nuer
  // Myanmar
  'rhg', // Rohingya
  'ksw', // S'gaw Karen
  // Caucasus, Crimea
  'inh', // Ingush
  'crh', // Crimean Tatar
  // Elsewhere
  'hmn', // Hmong
  'pcm', // Nigerian Pidgin
  'kri', // Krio
];

// Codes whose CLDR key is not the code itself (used for the names and for the own locale).
const CLDR_KEY = { prs: 'fa-AF' };

// These must be in the output, or the script fails: the twenty codes of the former fixed list
// and a few the requirement names.
const REQUIRED = [
  ...['nb', 'en', 'ar', 'so', 'ti', 'uk', 'ru', 'pl', 'lt', 'fa'],
  ...['prs', 'ps', 'ur', 'ku', 'tr', 'vi', 'th', 'ta', 'es', 'fr'],
  ...['de', 'zh', 'hi', 'ko', 'ka', 'nn', 'ckb'],
];

function parseArgs(argv) {
  const args = { cldr: null, out: DEFAULT_OUT };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === '--cldr' || a === '--out') && argv[i + 1]) {
      args[a.slice(2)] = resolve(argv[++i]);
    } else {
      throw new Error(`unknown argument ${a}; usage: gen-languages.mjs [--cldr DIR] [--out FILE]`);
    }
  }
  return args;
}

function packageDir(dir) {
  for (const d of [dir, join(dir, 'node_modules', PACKAGE)]) {
    if (existsSync(join(d, 'main', 'nb', 'languages.json'))) return d;
  }
  throw new Error(`${dir} holds neither ${PACKAGE} nor node_modules/${PACKAGE}`);
}

function install() {
  const dir = mkdtempSync(join(tmpdir(), 'gen-languages-'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const flags = ['--no-audit', '--no-fund', '--no-package-lock', '--ignore-scripts'];
  console.error(`Installing ${PACKAGE}@${MAJOR} into ${dir}`);
  execFileSync(npm, ['install', '--prefix', dir, ...flags, `${PACKAGE}@${MAJOR}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
    shell: process.platform === 'win32',
  });
  return dir;
}

function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** The `languages` names of a CLDR locale, or null when CLDR has no such names for it. */
function languagesOf(pkg, locale) {
  const path = join(pkg, 'main', locale, 'languages.json');
  if (!existsSync(path)) return null;
  return readJson(path).main[locale].localeDisplayNames.languages;
}

/** A Rust string literal. Escapes quotes, backslashes and every invisible or control character
 * (including the bidirectional controls rustc rejects in literals) as `\u{…}`. */
function rustStr(s) {
  if (!s.isWellFormed()) throw new Error(`lone surrogate in ${JSON.stringify(s)}`);
  let out = '"';
  for (const ch of s) {
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (/[\p{C}\p{Zl}\p{Zp}]/u.test(ch) || (/\p{Zs}/u.test(ch) && ch !== ' ')) {
      out += `\\u{${ch.codePointAt(0).toString(16)}}`;
    } else out += ch;
  }
  return out + '"';
}

function collect(pkg) {
  const nb = languagesOf(pkg, 'nb');
  const nn = languagesOf(pkg, 'nn') ?? {};
  const en = languagesOf(pkg, 'en');
  const twoLetter = Object.keys(nb).filter((k) => /^[a-z]{2}$/.test(k));
  const codes = [...new Set([...twoLetter, ...EXTRA])].sort();
  const languages = [];
  const missing = [];
  const noAutonym = [];
  const noNynorsk = [];
  for (const code of codes) {
    const key = CLDR_KEY[code] ?? code;
    if (key.includes('-alt-')) continue;
    if (!nb[key] || !en[key]) {
      missing.push(code);
      continue;
    }
    const own = languagesOf(pkg, key);
    const autonym = own?.[key] ?? own?.[code];
    if (!autonym) noAutonym.push(code);
    const nynorsk = nn[key] ?? nn[code];
    if (!nynorsk) noNynorsk.push(code);
    languages.push({
      code,
      nb: nb[key],
      nn: nynorsk ?? nb[key],
      en: en[key],
      own: autonym ?? en[key],
      autonym: !!autonym,
    });
  }
  const absent = REQUIRED.filter((c) => !languages.some((l) => l.code === c));
  if (absent.length) throw new Error(`CLDR lacks required languages: ${absent.join(', ')}`);
  return { languages, missing, noAutonym, noNynorsk };
}

function licenceComment(pkg) {
  return readFileSync(join(pkg, 'LICENSE'), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => (line.trim() ? `// ${line.trimEnd()}` : '//'))
    .join('\n');
}

function render(pkg, version, languages) {
  const entries = languages
    .map(
      (l) =>
        `    Language {\n` +
        `        code: ${rustStr(l.code)},\n` +
        `        nb: ${rustStr(l.nb)},\n` +
        `        nn: ${rustStr(l.nn)},\n` +
        `        en: ${rustStr(l.en)},\n` +
        `        own: ${rustStr(l.own)},\n` +
        `        autonym: ${l.autonym},\n` +
        `    },\n`,
    )
    .join('');
  const required = REQUIRED.map((c) => rustStr(c));
  // Packed as rustfmt packs short literals: as many to a line as fit in 100 columns.
  const requiredLines = [];
  let line = '';
  for (const item of required) {
    const next = line ? `${line} ${item},` : `            ${item},`;
    if (next.length > 100) {
      requiredLines.push(line);
      line = `            ${item},`;
    } else line = next;
  }
  requiredLines.push(line);
  return `// @generated by scripts/gen-languages.mjs from CLDR ${MAJOR} (npm ${PACKAGE} ${version}).
// Do not edit by hand: change the script and run \`node scripts/gen-languages.mjs\`.
//
// The language names are data of the Unicode Common Locale Data Repository (CLDR), used under
// the Unicode License v3, whose notice follows.
//
${licenceComment(pkg)}

//! Every language a holder may prefer, with its name in Norwegian Bokmål, Norwegian Nynorsk,
//! English and itself.

/// One language a family may prefer: its ISO 639 code, its name in Norwegian Bokmål, in
/// Norwegian Nynorsk, in English, and in itself (its autonym; the English name where CLDR has
/// none).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Language {
    /// ISO 639 code: the two-letter ISO 639-1 code where there is one, else ISO 639-2/3.
    pub code: &'static str,
    /// Name in Norwegian Bokmål, lower case as CLDR gives it.
    pub nb: &'static str,
    /// Name in Norwegian Nynorsk, lower case as CLDR gives it (the Bokmål name where CLDR has
    /// none).
    pub nn: &'static str,
    /// Name in English.
    pub en: &'static str,
    /// Name in the language itself, or the English name where CLDR has none.
    pub own: &'static str,
    /// Whether \`own\` is CLDR's name of the language in itself (false: the English fallback).
    pub autonym: bool,
}

impl Language {
    /// The language's name as a reader of \`lang\` calls it: in Bokmål, Nynorsk or English.
    pub fn name_in(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Nb => self.nb,
            crate::Lang::Nn => self.nn,
            crate::Lang::En => self.en,
        }
    }

    /// The language's Norwegian name as a reader of \`lang\` writes Norwegian: in Nynorsk for a
    /// Nynorsk reader, in Bokmål for the others.
    pub fn norwegian_name(&self, lang: crate::Lang) -> &'static str {
        match lang {
            crate::Lang::Nn => self.nn,
            crate::Lang::Nb | crate::Lang::En => self.nb,
        }
    }
}

/// Every language, sorted by code.
pub const ALL: &[Language] = &[
${entries}];

/// The language with this code, if any (exact match on the lower-case code).
pub fn find(code: &str) -> Option<&'static Language> {
    ALL.binary_search_by(|l| l.code.cmp(code))
        .ok()
        .map(|i| &ALL[i])
}

/// The language a form or a file names: by its code in any case ("AR"), or by its name in
/// Norwegian (Bokmål or Nynorsk), English or itself ("arabisk", "Arabic", "العربية").
pub fn by_code_or_name(text: &str) -> Option<&'static Language> {
    let text = text.trim();
    if let Some(l) = find(&text.to_lowercase()) {
        return Some(l);
    }
    let lower = text.to_lowercase();
    ALL.iter().find(|l| {
        l.nb.to_lowercase() == lower
            || l.nn.to_lowercase() == lower
            || l.en.to_lowercase() == lower
            || l.own.to_lowercase() == lower
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_language_is_found_by_its_code_or_any_of_its_names() {
        for text in ["ar", "AR", "arabisk", "Arabic", "العربية", " Arabisk "] {
            assert_eq!(by_code_or_name(text).map(|l| l.code), Some("ar"), "{text}");
        }
        assert_eq!(by_code_or_name("tysk").map(|l| l.code), Some("de"));
        assert_eq!(by_code_or_name("ትግርኛ").map(|l| l.code), Some("ti"));
        assert_eq!(by_code_or_name("sorani").map(|l| l.code), Some("ckb"));
        assert!(by_code_or_name("klingon-ish").is_none());
    }

    #[test]
    fn a_language_is_named_in_each_ui_language() {
        let Some(ckb) = find("ckb") else {
            panic!("ckb is missing");
        };
        assert_eq!(ckb.name_in(crate::Lang::Nb), "sentralkurdisk");
        assert_eq!(ckb.name_in(crate::Lang::Nn), "sorani");
        assert_eq!(ckb.name_in(crate::Lang::En), ckb.en);
        assert_eq!(ckb.norwegian_name(crate::Lang::Nn), "sorani");
        assert_eq!(ckb.norwegian_name(crate::Lang::En), "sentralkurdisk");
        for l in ALL {
            assert!(!l.nn.is_empty(), "{}", l.code);
        }
    }

    #[test]
    fn the_table_is_sorted_by_code_without_duplicates() {
        for pair in ALL.windows(2) {
            assert!(
                pair[0].code < pair[1].code,
                "{} before {}",
                pair[0].code,
                pair[1].code
            );
        }
    }

    #[test]
    fn codes_are_lower_case_iso_639_codes() {
        for l in ALL {
            let letters = l.code.len() == 2 || l.code.len() == 3;
            assert!(
                letters && l.code.bytes().all(|b| b.is_ascii_lowercase()),
                "{}",
                l.code
            );
        }
    }

    #[test]
    fn the_former_list_and_common_languages_are_there_with_all_names() {
        for code in [
${requiredLines.join('\n')}
        ] {
            let Some(l) = find(code) else {
                panic!("{code} is missing");
            };
            assert!(
                !l.nb.is_empty() && !l.nn.is_empty() && !l.en.is_empty() && !l.own.is_empty(),
                "{code}"
            );
        }
    }

    #[test]
    fn names_come_from_cldr() {
        assert_eq!(find("ti").map(|l| l.own), Some("ትግርኛ"));
        assert_eq!(find("de").map(|l| l.nb), Some("tysk"));
        assert_eq!(find("ne").map(|l| l.nn), Some("nepalsk"));
        assert_eq!(find("prs").map(|l| l.own), Some("دری"));
        assert_eq!(find("xx"), None);
        assert_eq!(find("TI"), None);
    }
}
`;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  const temp = args.cldr ? null : install();
  try {
    const pkg = packageDir(args.cldr ?? temp);
    const { version } = readJson(join(pkg, 'package.json'));
    if (Number(version.split('.')[0]) !== MAJOR) {
      throw new Error(`${PACKAGE} ${version} is not version ${MAJOR}.x`);
    }
    const { languages, missing, noAutonym, noNynorsk } = collect(pkg);
    writeFileSync(args.out, render(pkg, version, languages));
    console.error(`Wrote ${languages.length} languages to ${relative(process.cwd(), args.out)}`);
    console.error(`Not named by CLDR ${version} in nb, left out: ${missing.join(' ') || '-'}`);
    console.error(`No autonym in CLDR, English name used: ${noAutonym.join(' ') || '-'}`);
    console.error(`Not named by CLDR in nn, Bokmål name used: ${noNynorsk.join(' ') || '-'}`);
  } finally {
    if (temp) rmSync(temp, { recursive: true, force: true });
  }
}

main();
