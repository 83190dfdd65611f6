/**
 * At most one draw per animation frame, and for renderers that rasterize on the main thread no more
 * often than every `gapMs()` milliseconds (canvas frames cost tens of milliseconds: ~25 per second
 * leaves input and the other view time between them).
 */
export function createDrawScheduler(draw: () => void, gapMs: () => number) {
  let frame = 0;
  let lastDraw = 0;
  const run = () => {
    frame = 0;
    draw();
  };
  return {
    schedule() {
      if (frame) return;
      if (typeof requestAnimationFrame !== 'function') {
        frame = setTimeout(run, 16) as unknown as number;
        return;
      }
      const gap = gapMs();
      frame = requestAnimationFrame(function tick(now) {
        if (now - lastDraw < gap) {
          frame = requestAnimationFrame(tick);
          return;
        }
        lastDraw = now;
        run();
      });
    },
    cancel() {
      if (frame) (typeof cancelAnimationFrame === 'function' ? cancelAnimationFrame : clearTimeout)(frame);
      frame = 0;
    },
  };
}
