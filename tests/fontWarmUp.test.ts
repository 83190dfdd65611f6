import { afterEach, describe, expect, it, vi } from 'vitest';
import { AGAIN, FONT_SAMPLE, fontStyles, fontWarmUp, SAMPLES_PER_TASK } from '../src/fontWarmUp';

function sheetOf(css: string): CSSStyleSheet {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  return style.sheet!;
}

afterEach(() => {
  document.head.querySelectorAll('style').forEach((s) => s.remove());
  vi.restoreAllMocks();
});

describe('fontStyles', () => {
  it("gives each distinct combination of a rule's own font properties once, inside media rules too", () => {
    const sheet = sheetOf(`
      body { font-family: system-ui, sans-serif; font-size: 16px; color: red }
      h2 { font-size: 1.1rem; font-weight: 700 }
      .title { font-weight: 700; font-size: 1.1rem }
      .plain { color: blue }
      .themed { font-size: var(--size) }
      @media (max-width: 600px) { .small { font-size: 0.8rem } }
    `);
    expect(fontStyles([sheet])).toEqual(['', 'font-family:system-ui, sans-serif;font-size:16px', 'font-size:1.1rem;font-weight:700', 'font-size:0.8rem']);
  });

  it('skips a style sheet it may not read', () => {
    const locked = { get cssRules(): CSSRuleList { throw new DOMException('cross-origin', 'SecurityError'); } } as unknown as CSSStyleSheet;
    expect(fontStyles([locked, sheetOf('p { font-style: italic }')])).toEqual(['', 'font-style:italic']);
  });
});

describe('fontWarmUp', () => {
  it('lays every style out once, a few per task, in a hidden box it removes at once', () => {
    sheetOf(Array.from({ length: 9 }, (_, i) => `.s${i} { font-size: ${10 + i}px }`).join('\n'));
    const laidOut: string[][] = [];
    const append = vi.spyOn(document.body, 'append').mockImplementation(function (this: HTMLElement, ...nodes) {
      for (const box of nodes as HTMLElement[]) {
        expect(box.getAttribute('aria-hidden')).toBe('true');
        expect(box.style.visibility).toBe('hidden');
        laidOut.push(Array.from(box.children, (s) => (expect(s.textContent).toBe(FONT_SAMPLE), (s as HTMLElement).style.fontSize)));
      }
      HTMLElement.prototype.append.apply(this, nodes);
    });
    const step = fontWarmUp();
    const results = [step(), step(), step()];
    expect(results).toEqual([AGAIN, AGAIN, undefined]);
    expect(append).toHaveBeenCalledTimes(3);
    expect(laidOut.map((b) => b.length)).toEqual([SAMPLES_PER_TASK, SAMPLES_PER_TASK, 10 - 2 * SAMPLES_PER_TASK]);
    expect(laidOut.flat().filter(Boolean)).toEqual(Array.from({ length: 9 }, (_, i) => `${10 + i}px`));
    expect(document.body.children).toHaveLength(0);
  });
});
