/**
 * The first layout of text in a face, weight and size the page has not used yet asks the browser process for it (on
 * Linux a synchronous round trip to fontconfig per face and size): in traces of a 20k load the views' first layout,
 * once the data had arrived, spent 26 of its 37 ms there, and later layouts another ~10 ms. Laying the same text out
 * once while the dataset is still loading, hidden and then removed, leaves those faces in the page's font cache.
 */

/** The interface's symbols beside ordinary letters: some are not in the first face and are looked up in fallbacks. */
export const FONT_SAMPLE = 'Aa0 ▾–—…“”−◀▶·→←⌂☎✉';

/** Font properties a rule may set; each rule's own values make one sample (the rest inherited from the page). */
const FONT_PROPERTIES = ['font-family', 'font-size', 'font-weight', 'font-style'] as const;

/** Samples laid out per task: a few milliseconds each, well under the 50 ms a task may take. */
export const SAMPLES_PER_TASK = 4;

/** One inline style per distinct combination of font properties the page's style sheets set. */
export function fontStyles(sheets: Iterable<CSSStyleSheet>): string[] {
  const styles = new Set<string>(['']);
  const visit = (rules: CSSRuleList) => {
    for (const rule of Array.from(rules)) {
      if ('cssRules' in rule && !('style' in rule)) visit((rule as CSSGroupingRule).cssRules);
      if (!('style' in rule)) continue;
      const { style } = rule as CSSStyleRule;
      const set = FONT_PROPERTIES.filter((p) => style.getPropertyValue(p) && !style.getPropertyValue(p).includes('var('));
      if (set.length) styles.add(set.map((p) => `${p}:${style.getPropertyValue(p)}`).join(';'));
    }
  };
  for (const sheet of sheets) {
    try {
      visit(sheet.cssRules);
    } catch {
      // A style sheet from another origin cannot be read; it has none of the page's own fonts.
    }
  }
  return [...styles];
}

/** Lays out `styles` in a hidden box that is removed at once. */
export function layOutSamples(doc: Document, styles: readonly string[]): void {
  const box = doc.createElement('div');
  box.setAttribute('aria-hidden', 'true');
  box.style.cssText = 'position:absolute;left:-10000px;top:0;visibility:hidden;white-space:nowrap;contain:layout paint';
  for (const style of styles) {
    const sample = doc.createElement('span');
    sample.style.cssText = style;
    sample.textContent = FONT_SAMPLE;
    box.append(sample);
  }
  doc.body.append(box);
  void box.offsetHeight;
  box.remove();
}

/** Returned by a warm-up step that has more to do in a task of its own. */
export const AGAIN = Symbol('again');

/**
 * The warm-up as one step per task, each laying out a few samples, then done. The styles are read at the first step,
 * after the loading screen's first frame and the locale data, when the views' style sheets have usually arrived (a
 * sheet that comes later is simply not warmed up).
 */
export function fontWarmUp(doc: Document = document): () => typeof AGAIN | undefined {
  let styles: string[] | null = null;
  let at = 0;
  return () => {
    styles ??= fontStyles(Array.from(doc.styleSheets));
    layOutSamples(doc, styles.slice(at, (at += SAMPLES_PER_TASK)));
    return at < styles.length ? AGAIN : undefined;
  };
}
