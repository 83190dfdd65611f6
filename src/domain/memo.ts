/** Remembers the last result per argument identity: enough for selectors fed from one store. */
export function memoizeLast<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let lastResult: R;
  return (...args: A) => {
    if (lastArgs && lastArgs.length === args.length && lastArgs.every((a, i) => Object.is(a, args[i]))) return lastResult;
    lastResult = fn(...args);
    lastArgs = args;
    return lastResult;
  };
}

/**
 * Keeps handing out the last list while a new one holds the same numbers under the same `owner` (a dataset), when
 * `reuse` allows: a list that is new but equal makes every view downstream of it redraw (the views compare lists
 * by identity). Each new list is compared once.
 */
export function keepEqualList<O, L extends ArrayLike<number>>(): (owner: O, next: L, reuse?: boolean) => L {
  let lastOwner: O | undefined;
  let lastGiven: L | undefined;
  let kept: L | undefined;
  return (owner, next, reuse = true) => {
    if (next === lastGiven && owner === lastOwner) return kept!;
    const same = reuse && owner === lastOwner && kept !== undefined && sameNumbers(kept, next);
    lastOwner = owner;
    lastGiven = next;
    if (!same) kept = next;
    return kept!;
  };
}

function sameNumbers(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
