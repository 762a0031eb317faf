// Makes a whole table row open something on click. Rows also carry a real <button> for
// keyboard users, so this is only a larger mouse target.
export function rowClick(node: HTMLElement, handler: () => void) {
  let current = handler;
  const onClick = (e: MouseEvent) => {
    const target = e.target as HTMLElement | null;
    if (target?.closest("button, a, input, select, textarea, label")) return;
    current();
  };
  node.addEventListener("click", onClick);
  node.classList.add("clickable");
  return {
    update(next: () => void) {
      current = next;
    },
    destroy() {
      node.removeEventListener("click", onClick);
    },
  };
}
