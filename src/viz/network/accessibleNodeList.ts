import { describeNode, type Scene } from './scene';
import { drawnListing, listingOf, type Listing } from './sceneListing';

/**
 * Keyboard and screen-reader stand-in for canvas-drawn nodes: a visually hidden list with one
 * button per node, named exactly by the actor's name, described by affiliation and count.
 * Roving tabindex: the list is one Tab stop; arrows, Home and End move between actors
 * (sorted by name), Enter/Space press the button.
 *
 * Thousands of actors: items are kept by actor id across updates, so a filter change only
 * removes, inserts and re-describes what changed; the pass over the list runs in slices in idle
 * time after frames (a small first slice at once, so there is always a Tab stop), so no update
 * holds the main thread for long or delays the frame that shows it.
 */
export interface AccessibleNodeList {
  setScene(scene: Scene): void;
  button(id: string): HTMLButtonElement | null;
  destroy(): void;
}

interface Item {
  li: HTMLElement;
  button: HTMLButtonElement;
  desc: HTMLSpanElement;
}

/** Items placed or refreshed per later slice: about a few milliseconds of DOM work. */
export const LIST_SLICE = 400;
/** Items placed with the update itself: enough for a Tab stop and the first arrow presses, ~2 ms. */
export const FIRST_SLICE = 100;
/**
 * Items per wrapper. The list is clipped out of sight, and `content-visibility: auto` on each wrapper
 * lets Chrome skip styling and laying out its items; checking ~50 wrappers per frame for visibility
 * costs far less than checking thousands of items.
 */
export const CHUNK_SIZE = 100;
/** Idle time may not come while a layout animates; list upkeep then waits at most this long. */
const IDLE_TIMEOUT_MS = 300;

interface Scheduled {
  frame: number | null;
  timeout: ReturnType<typeof setTimeout> | null;
  idle: number | null;
}

/** Idle time a slice leaves unused, so it ends before the next frame or input is due. */
const IDLE_MARGIN_MS = 3;
/** Items placed between looks at the idle deadline: well under a millisecond of DOM work. */
const IDLE_STEP = 25;

/**
 * Runs `task` after the next frame, when the main thread is idle (with the idle deadline, or null
 * where there is no idle callback): list upkeep then never delays the frame that shows a filter
 * change or a selection, nor the next input.
 */
function afterPaint(task: (deadline: IdleDeadline | null) => void): Scheduled {
  const s: Scheduled = { frame: null, timeout: null, idle: null };
  const later = () => {
    s.frame = null;
    if (typeof requestIdleCallback === 'function') s.idle = requestIdleCallback(task, { timeout: IDLE_TIMEOUT_MS });
    else s.timeout = setTimeout(() => task(null), 0);
  };
  if (typeof requestAnimationFrame === 'function') s.frame = requestAnimationFrame(later);
  else later();
  return s;
}

function cancel(s: Scheduled | null): void {
  if (!s) return;
  if (s.frame !== null) cancelAnimationFrame(s.frame);
  if (s.timeout !== null) clearTimeout(s.timeout);
  if (s.idle !== null) cancelIdleCallback(s.idle);
}

export function createAccessibleNodeList(root: HTMLElement, idPrefix: string, onFocusNode: (id: string | null) => void): AccessibleNodeList {
  const makeList = () => {
    // A generic list: the chunk wrappers between it and its items would not be valid inside <ul>.
    const ul = document.createElement('div');
    ul.setAttribute('role', 'list');
    ul.className = 'network-node-list visually-hidden-focusable';
    ul.setAttribute('aria-label', 'Actors in the network');
    ul.addEventListener('focusin', onFocusIn);
    ul.addEventListener('focusout', onFocusOut);
    ul.addEventListener('keydown', onKeyDown);
    return ul;
  };
  let items = new Map<string, Item>();
  /** Wanted content in list order; items are made when their slice comes. */
  let wanted: Listing = listingOf([]);
  /** Positions below this already match `wanted`. */
  let done = 0;
  let timer: Scheduled | null = null;
  let active: string | null = null;
  /** Whether the list offers the actors a capped network does not draw (from the first time it takes focus). */
  let expanded = false;
  let current: Scene | null = null;

  const makeItem = (id: string): Item => {
    const li = document.createElement('div');
    li.setAttribute('role', 'listitem');
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

  const chunk = (c: number): HTMLElement => {
    while (list.children.length <= c) {
      const wrapper = document.createElement('div');
      wrapper.setAttribute('role', 'none');
      wrapper.className = 'network-node-chunk';
      list.append(wrapper);
    }
    return list.children[c] as HTMLElement;
  };
  /** The item element at list position `p` (positions below `done` are in place). */
  const at = (p: number): HTMLElement | null => (list.children[Math.floor(p / CHUNK_SIZE)]?.children[p % CHUNK_SIZE] as HTMLElement | undefined) ?? null;
  /** Whether `li` is an item of the current list (not of a retired one). */
  const listed = (li: Element | null | undefined) => li?.parentElement?.parentElement === list;

  /**
   * Brings positions [done, until) in line with `wanted`; survivors are already in order. An insertion
   * overfills its wrapper for a moment: the items it pushes past the end move on as their positions come.
   */
  const place = (until: number) => {
    const end = Math.min(until, wanted.length);
    for (; done < end; done++) {
      const node = wanted.node(done);
      let item = items.get(node.id);
      if (!item) items.set(node.id, (item = makeItem(node.id)));
      if (item.button.textContent !== node.name) item.button.textContent = node.name;
      const description = describeNode(node);
      if (item.desc.textContent !== description) item.desc.textContent = description;
      const wrapper = chunk(Math.floor(done / CHUNK_SIZE));
      const here = wrapper.children[done % CHUNK_SIZE] ?? null;
      if (here !== item.li) wrapper.insertBefore(item.li, here);
    }
    // All placed: wrappers past the last item are empty (every item left in the list is wanted).
    if (done === wanted.length) {
      const keep = Math.ceil(wanted.length / CHUNK_SIZE);
      while (list.children.length > keep) list.lastElementChild!.remove();
    }
  };
  /** Places up to `until`, and the rest later in idle time. */
  const reconcile = (until: number) => {
    place(until);
    if (done < wanted.length && timer === null) {
      timer = afterPaint((deadline) => {
        timer = null;
        // Within the idle period's own budget, in small steps (a fixed 400-item slice overran it on a
        // loaded machine and held up the next key press); a timed-out call still places a first slice's worth.
        if (deadline) {
          const stop = Math.min(wanted.length, done + LIST_SLICE);
          const step = deadline.didTimeout ? FIRST_SLICE : IDLE_STEP;
          do place(Math.min(stop, done + step));
          while (done < stop && deadline.timeRemaining() > IDLE_MARGIN_MS);
          reconcile(done);
        } else reconcile(done + LIST_SLICE);
      });
    }
  };
  const flush = () => {
    cancel(timer);
    timer = null;
    reconcile(wanted.length);
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

  /**
   * Takes a list out of reach now (nothing in it can be focused, pressed or read out) and detaches it after the views
   * have painted: detaching 30,000 buttons costs ~18 ms. Skipping its content (content-visibility) costs 0.6-0.9 ms
   * of the frame that shows the change; `hidden` cost 8.4 ms (the layout torn down), `visibility` 3.6 (restyled).
   */
  const retire = (old: HTMLElement) => {
    old.style.contentVisibility = 'hidden';
    old.setAttribute('aria-hidden', 'true');
    // Detached a wrapper of CHUNK_SIZE items at a time within idle time, then the list: all at once it was one idle
    // callback of 18 ms at 30,000 actors, more on a busy machine.
    const detach = (deadline: IdleDeadline | null) => {
      do old.lastElementChild?.remove();
      while (old.lastElementChild && (!deadline || deadline.timeRemaining() > IDLE_MARGIN_MS));
      if (old.lastElementChild) afterPaint(detach);
      else old.remove();
    };
    afterPaint(detach);
  };

  const onFocusIn = (event: FocusEvent) => {
    applyPending();
    if (!expanded && current && current.offstageCount > 0) {
      expanded = true;
      apply(current);
    }
    const id = (event.target as HTMLElement).dataset.actor ?? null;
    if (id) setActive(id);
    onFocusNode(id);
  };
  const onFocusOut = (event: FocusEvent) => {
    if (!list.contains(event.relatedTarget as Node | null)) onFocusNode(null);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (!listed((event.target as Element).parentElement)) return;
    const forward = event.key === 'ArrowDown' || event.key === 'ArrowRight';
    const backward = event.key === 'ArrowUp' || event.key === 'ArrowLeft';
    // Other keys (Enter, Space, Tab) need no list upkeep: bringing thousands of items in line
    // here would hold up the press itself.
    if (!forward && !backward && event.key !== 'Home' && event.key !== 'End') return;
    event.preventDefault();
    // Only positions up to the target must be in line (all of them for End); the rest follow in idle time.
    const id = (event.target as HTMLElement).dataset.actor;
    let current = 0;
    while (current < wanted.length && wanted.id(current) !== id) current++;
    if (current === wanted.length) return;
    const last = wanted.length - 1;
    const next = forward ? Math.min(last, current + 1) : backward ? Math.max(0, current - 1) : event.key === 'Home' ? 0 : last;
    reconcile(Math.max(current, next) + 1);
    (at(next)!.firstElementChild as HTMLButtonElement).focus();
  };
  let list = makeList();
  root.append(list);

  /**
   * The list of every actor (once someone has moved into it) is brought in line after the frame that shows a new
   * scene, not inside the task that draws it, while focus is elsewhere: at 250k that is ~30,000 actors ordered and
   * compared per filter step. Focus coming into the list, or a button asked for, brings it in line at once.
   */
  let pending: Scene | null = null;
  let pendingTimer: Scheduled | null = null;
  const applyPending = () => {
    cancel(pendingTimer);
    pendingTimer = null;
    const scene = pending;
    pending = null;
    if (scene) apply(scene);
  };

  /**
   * Drops the items of actors `wanted` does not list (survivors keep their order in `items`, which placing follows);
   * returns how many left and what takes their elements out. Walks the smaller side: at 250k a filter step takes the
   * list of every actor from ~30,000 to ~5,000 or back, and asking each of 30,000 items whether it stays took 10-23 ms
   * of the callback; when most leave, the list is replaced whole and nobody needs to know which.
   */
  const sortOut = (): { count: number; remove(): void } => {
    if (wanted.length < items.size) {
      const before = items;
      const kept = new Map<string, Item>();
      for (let p = 0; p < wanted.length; p++) {
        const id = wanted.id(p);
        const item = before.get(id);
        if (item) kept.set(id, item);
      }
      items = kept;
      return { count: before.size - kept.size, remove: () => before.forEach((item, id) => kept.has(id) || item.li.remove()) };
    }
    const gone: string[] = [];
    items.forEach((_, id) => wanted.has(id) || gone.push(id));
    const leaving = gone.map((id) => items.get(id)!);
    for (const id of gone) items.delete(id);
    return { count: gone.length, remove: () => leaving.forEach((item) => item.li.remove()) };
  };

  function apply(scene: Scene): void {
    // A capped network also lists the actors it does not draw, once someone has moved into the list: tens of
    // thousands of buttons kept up to date on every filter step would cost everyone else for nothing.
    const withOffstage = expanded && scene.offstageCount > 0;
    wanted = withOffstage ? scene.listed() : drawnListing(scene.nodes, scene.byName, scene.byId);
    // Actors that left go now (they must not stay pressable; see `pending` for the list of every actor); the rest
    // keep their order.
    const leaving = sortOut();
    // Thousands of single removals cost far more than emptying the list and putting survivors back.
    let placed = 0;
    for (const wrapper of list.children) placed += wrapper.children.length;
    if (leaving.count > placed / 4) {
      // The actors that stay move to the fresh list slice by slice.
      const old = list;
      list = makeList();
      old.after(list);
      retire(old);
    } else leaving.remove();
    list.setAttribute(
      'aria-label',
      scene.offstageCount > 0
        ? `Actors in the network: showing ${scene.nodes.length.toLocaleString('en')} of ${(scene.nodes.length + scene.offstageCount).toLocaleString('en')} (the busiest); ${withOffstage ? 'every actor is listed' : 'the others join this list once you move into it'}`
        : 'Actors in the network',
    );
    done = 0;
    reconcile(FIRST_SLICE);
    setActive(active && items.has(active) ? active : wanted.length ? wanted.id(0) : null);
  }

  const api: AccessibleNodeList = {
    setScene(scene) {
      current = scene;
      // Focus inside the list: in use, so at once (the controller then keeps focus on the same actor).
      if (expanded && scene.offstageCount > 0 && !list.contains(document.activeElement)) {
        pending = scene;
        pendingTimer ??= afterPaint(applyPending);
        return;
      }
      pending = null;
      cancel(pendingTimer);
      pendingTimer = null;
      apply(scene);
    },
    button(id) {
      applyPending();
      if (!listed(items.get(id)?.li) && timer !== null) flush();
      return items.get(id)?.button ?? null;
    },
    destroy() {
      cancel(timer);
      timer = null;
      cancel(pendingTimer);
      pendingTimer = null;
      pending = null;
      list.removeEventListener('focusin', onFocusIn);
      list.removeEventListener('focusout', onFocusOut);
      list.removeEventListener('keydown', onKeyDown);
      // Destroyed when the network changes renderer (a search leaving a few actors draws them as SVG), inside that
      // step's frame: retired as a replaced list is.
      retire(list);
      items.clear();
      wanted = listingOf([]);
    },
  };
  return api;
}
