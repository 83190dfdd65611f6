/**
 * Runs `run` in a task of its own, queued right after the current one (a MessageChannel message, not a
 * timer: no 4 ms clamp, and it still comes before the next frame's rendering when the page is idle).
 * Several requests before it runs collapse into one; `cancel` drops a pending run.
 */
export function createNextTask(run: () => void) {
  let pending = false;
  let channel: MessageChannel | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const fire = () => {
    timer = null;
    if (!pending) return;
    pending = false;
    run();
  };
  if (typeof MessageChannel === 'function') {
    channel = new MessageChannel();
    channel.port1.onmessage = fire;
  }
  return {
    schedule() {
      if (pending) return;
      pending = true;
      if (channel) channel.port2.postMessage(null);
      else timer = setTimeout(fire, 0);
    },
    cancel() {
      pending = false;
    },
    destroy() {
      pending = false;
      if (timer !== null) clearTimeout(timer);
      if (channel) {
        channel.port1.onmessage = null;
        channel.port1.close();
        channel.port2.close();
      }
    },
  };
}
