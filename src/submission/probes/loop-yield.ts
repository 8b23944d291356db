/**
 * A probe's walk awaits its reads, but a read from memory (or a cached one) resolves at once, and a
 * chain of resolved awaits never lets the event loop run: a PNG of 200,000 empty chunks held the loop
 * for over a second, and the probe's own deadline could not fire. A walk calls the function this
 * returns at each step; once `sliceMs` have passed since the loop last ran, it waits for the loop
 * (setImmediate: after pending I/O and timers), so other requests and the deadline get their turn.
 */
export const loopYielder = (sliceMs = 10) => {
  let since = performance.now();
  return async () => {
    if (performance.now() - since < sliceMs) return;
    await new Promise((resolve) => setImmediate(resolve));
    since = performance.now();
  };
};
