'use strict';
// The async context frame: an immutable-by-convention Map from AsyncLocalStorage to its
// store. V8 carries the current frame across `await` and promise reactions; the loop's own
// callbacks (timers, immediates, nextTick, finished requests) capture it when scheduled and
// restore it around the call, through `current()`/`set()` here.

const { getAsyncContextFrame, setAsyncContextFrame } = internalBinding('engine');

// Until the first store is entered every frame is undefined, and the engine is not asked.
let inUse = false;

class AsyncContextFrame extends Map {
  constructor(store, data) {
    super(AsyncContextFrame.current());
    this.set(store, data);
  }

  /** The frame now in effect, or undefined if no store was ever entered. */
  static current() {
    return inUse ? getAsyncContextFrame() : undefined;
  }

  /** Makes `frame` the one in effect. */
  static set(frame) {
    if (frame !== undefined) inUse = true;
    if (inUse) setAsyncContextFrame(frame);
  }

  /** Makes `frame` the one in effect and returns the one it replaces. */
  static exchange(frame) {
    if (!inUse) return undefined;
    const prior = getAsyncContextFrame();
    if (prior !== frame) setAsyncContextFrame(frame);
    return prior;
  }

  /** Removes `store` from the frame now in effect. */
  static disable(store) {
    const frame = AsyncContextFrame.current();
    if (frame instanceof AsyncContextFrame) frame.delete(store);
  }
}

module.exports = AsyncContextFrame;
