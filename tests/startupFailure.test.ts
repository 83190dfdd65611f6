import { describe, expect, it } from 'vitest';
import { showStartupFailure } from '../src/startupFailure';

describe('showStartupFailure', () => {
  it('replaces the page with a plain-text alert that names the failure, never markup', () => {
    const host = document.createElement('div');
    host.innerHTML = '<p>Loading…</p>';
    showStartupFailure(host, new Error('Failed to fetch dynamically imported module: /assets/<img src=x onerror=alert(1)>.js'));
    const alert = host.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('Parley could not load its code');
    expect(alert.textContent).toContain('/assets/<img src=x onerror=alert(1)>.js');
    expect(host.querySelector('img')).toBeNull();
    expect(host.textContent).not.toContain('Loading');
  });
});
