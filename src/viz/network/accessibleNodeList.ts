import { describeNode, type Scene } from './scene';

/**
 * Keyboard and screen-reader stand-in for canvas-drawn nodes: a visually hidden list with one
 * button per node, named exactly by the actor's name, described by affiliation and count.
 * Roving tabindex: the list is one Tab stop; arrows, Home and End move between actors
 * (sorted by name), Enter/Space press the button. Items are reused by actor id across updates
 * so a filter change only touches what changed.
 */
export interface AccessibleNodeList {
  readonly element: HTMLUListElement;
  setScene(scene: Scene): void;
  button(id: string): HTMLButtonElement | null;
  destroy(): void;
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base' });

export function createAccessibleNodeList(root: HTMLElement, idPrefix: string, onFocusNode: (id: string | null) => void): AccessibleNodeList {
  const list = document.createElement('ul');
  list.className = 'network-node-list visually-hidden-focusable';
  list.setAttribute('aria-label', 'Actors in the network');
  root.append(list);
  let items = new Map<string, { li: HTMLLIElement; button: HTMLButtonElement; desc: HTMLSpanElement }>();
  let order: HTMLButtonElement[] = [];
  let active: string | null = null;

  const makeItem = (id: string) => {
    const li = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.dataset.actor = id;
    button.tabIndex = -1;
    const desc = document.createElement('span');
    desc.id = `${idPrefix}-desc-${id}`;
    desc.hidden = true;
    button.setAttribute('aria-describedby', desc.id);
    li.append(button, desc);
    return { li, button, desc };
  };

  const setActive = (id: string | null) => {
    if (active && active !== id) {
      const prev = items.get(active);
      if (prev) prev.button.tabIndex = -1;
    }
    active = id;
    const item = id ? items.get(id) : undefined;
    if (item) item.button.tabIndex = 0;
  };

  const onFocusIn = (event: FocusEvent) => {
    const id = (event.target as HTMLElement).dataset.actor ?? null;
    if (id) setActive(id);
    onFocusNode(id);
  };
  const onFocusOut = (event: FocusEvent) => {
    if (!list.contains(event.relatedTarget as Node | null)) onFocusNode(null);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const current = order.findIndex((b) => b === event.target);
    if (current < 0) return;
    const last = order.length - 1;
    const next =
      event.key === 'ArrowDown' || event.key === 'ArrowRight' ? Math.min(last, current + 1)
      : event.key === 'ArrowUp' || event.key === 'ArrowLeft' ? Math.max(0, current - 1)
      : event.key === 'Home' ? 0
      : event.key === 'End' ? last
      : -1;
    if (next < 0) return;
    event.preventDefault();
    order[next]!.focus();
  };
  list.addEventListener('focusin', onFocusIn);
  list.addEventListener('focusout', onFocusOut);
  list.addEventListener('keydown', onKeyDown);

  return {
    element: list,
    setScene(scene) {
      const next = new Map<string, { li: HTMLLIElement; button: HTMLButtonElement; desc: HTMLSpanElement }>();
      const sorted = scene.nodes.map((_, i) => i).sort((a, b) => collator.compare(scene.nodes[a]!.name, scene.nodes[b]!.name));
      const lis: HTMLLIElement[] = [];
      order = [];
      for (const i of sorted) {
        const node = scene.nodes[i]!;
        const item = items.get(node.id) ?? makeItem(node.id);
        if (item.button.textContent !== node.name) item.button.textContent = node.name;
        const description = describeNode(node);
        if (item.desc.textContent !== description) item.desc.textContent = description;
        next.set(node.id, item);
        lis.push(item.li);
        order.push(item.button);
      }
      items = next;
      list.replaceChildren(...lis);
      setActive(active && items.has(active) ? active : (order[0]?.dataset.actor ?? null));
    },
    button: (id) => items.get(id)?.button ?? null,
    destroy() {
      list.removeEventListener('focusin', onFocusIn);
      list.removeEventListener('focusout', onFocusOut);
      list.removeEventListener('keydown', onKeyDown);
      list.remove();
      items.clear();
      order = [];
    },
  };
}
