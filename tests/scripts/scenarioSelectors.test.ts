// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { cssString, METRIC_SELECT, STEP_FORWARD } from '../../scripts/bench/scenario';

describe('bench scenario selectors', () => {
  it('quotes names from the data as CSS strings that match the element they name, and only it', () => {
    document.body.innerHTML = '';
    const names = ['Jane Q. Doe', 'O\'Neil "the Envoy"', 'back\\slash', 'Ana'];
    for (const name of names) {
      const b = document.createElement('button');
      b.setAttribute('aria-label', `Remove filter: ${name}`);
      document.body.appendChild(b);
    }
    for (const name of names) {
      const found = document.querySelectorAll(`button[aria-label=${cssString(`Remove filter: ${name}`)}]`);
      expect(found).toHaveLength(1);
      expect(found[0]!.getAttribute('aria-label')).toBe(`Remove filter: ${name}`);
    }
  });

  it('finds the measure select (not the colour select) and the Step forward button', () => {
    document.body.innerHTML = `
      <div role="group" aria-label="Network analysis">
        <label for="s">Size and rank by</label><select id="s"><option value="meetings"></option><option value="pagerank"></option></select>
        <label for="c">Colour by</label><select id="c"><option value="affiliation"></option><option value="community"></option></select>
      </div>
      <button aria-label="Step back"></button><button aria-label="Step forward"></button>`;
    expect(document.querySelector(METRIC_SELECT)?.id).toBe('s');
    expect(document.querySelectorAll(STEP_FORWARD)).toHaveLength(1);
  });
});
