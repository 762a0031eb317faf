// Data URLs of workspace images, cached by id. Cleared when another workspace is opened.
import { api } from "./api";

export const images = $state<Record<number, string>>({});
const pending = new Set<number>();

/** Starts loading image `id` unless it is cached or on its way; read it from `images[id]`. */
export function loadImage(id: number | null | undefined): void {
  if (id == null || images[id] !== undefined || pending.has(id)) return;
  pending.add(id);
  api
    .getImage(id)
    .then((url) => (images[id] = url))
    .catch(() => (images[id] = ""))
    .finally(() => pending.delete(id));
}

export function clearImages(): void {
  for (const key of Object.keys(images)) delete images[Number(key)];
  pending.clear();
}
