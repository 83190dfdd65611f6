import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PartBoundary } from '../../src/components/PartBoundary';

let broken = true;
function Fragile() {
  if (broken) throw new Error('e.hide is not a function <img src=x>');
  return <p>timeline drawn</p>;
}

afterEach(cleanup);

describe('PartBoundary', () => {
  it('keeps a rendering error inside its part, says what failed as text, and reloads the part', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    broken = true;
    const { container } = render(
      <>
        <PartBoundary name="timeline">
          <Fragile />
        </PartBoundary>
        <PartBoundary name="network">
          <p>network drawn</p>
        </PartBoundary>
      </>,
    );
    expect(screen.getByText('network drawn')).toBeInTheDocument();
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('The timeline could not be shown: e.hide is not a function <img src=x>');
    expect(container.querySelector('img')).toBeNull();
    broken = false;
    await userEvent.click(screen.getByRole('button', { name: 'Reload the timeline' }));
    expect(screen.getByText('timeline drawn')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
