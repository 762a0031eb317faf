// A logo file is checked when it is chosen, in the browser, before it is sent: PNG and JPEG are
// decoded, SVG is parsed. The backend decodes it again on save.
import { t } from "./i18n/index.svelte";

export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

type Kind = "png" | "jpeg" | "svg";

function readBytes(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("could not read the file"));
    reader.readAsArrayBuffer(blob);
  });
}

/** What the file's first bytes say it is; null when it is none of the formats a logo may be. */
function sniff(head: Uint8Array): Kind | null {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((b, i) => head[i] === b)) return "png";
  if (head[0] === 0xff && head[1] === 0xd8 && head[2] === 0xff) return "jpeg";
  const text = new TextDecoder().decode(head).replace(/^\uFEFF/, "").trimStart();
  if (text.startsWith("<") && /<svg[\s>]/i.test(text)) return "svg";
  if (text.startsWith("<?xml") || text.startsWith("<!--") || text.startsWith("<!DOCTYPE svg")) return "svg";
  return null;
}

/** True when `text` parses as an SVG document. */
function svgParses(text: string): boolean {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = doc.documentElement;
  return root?.localName === "svg" && doc.getElementsByTagName("parsererror").length === 0;
}

/** True when the browser can decode the PNG or JPEG (assumed when it has no decoder to ask). */
async function decodes(file: Blob): Promise<boolean> {
  if (typeof createImageBitmap !== "function") return true;
  try {
    const bitmap = await createImageBitmap(file);
    bitmap.close?.();
    return true;
  } catch {
    return false;
  }
}

/** Why `file` cannot be a logo, naming the file; null when it is a readable PNG, JPEG or SVG. */
export async function logoProblem(file: File): Promise<string | null> {
  const name = file.name;
  if (file.size === 0) return t("logo.empty", { name });
  if (file.size > MAX_IMAGE_BYTES) return t("logo.tooLarge", { name });
  const head = await readBytes(file.slice(0, 1024));
  const kind = sniff(head);
  if (kind === null) return t("logo.notImage", { name });
  if (kind === "svg") {
    const text = new TextDecoder().decode(await readBytes(file));
    return svgParses(text) ? null : t("logo.damaged", { name });
  }
  return (await decodes(file)) ? null : t("logo.damaged", { name });
}
