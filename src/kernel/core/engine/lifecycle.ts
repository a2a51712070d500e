import type { RightsClock } from '../clock.js';
import { RightsError } from '../errors.js';

/**
 * Whether anyone is connected to the engine. Retries run while at least one provider is connected. Once
 * every provider has gone (a closed page, a route change), the engine closes: nothing more is sent, what
 * is out is aborted, and what is pending stays in the outbox for the next store, as after a reload. The
 * close waits one turn, so a provider remounted at once (StrictMode, a quick route change) keeps its
 * requests and sends nothing twice.
 */
export interface EngineLifecycle {
  readonly closed: boolean;
  readonly connected: boolean;
  /** Keeps a controller to abort on close, until `release`. */
  track(controller: AbortController): void;
  release(controller: AbortController): void;
  /** Connects one provider; `reopened` runs when this undid a close. Returns the disconnect; `lastGone` runs when it was the last. */
  connect(reopened: () => void, lastGone: () => void): () => void;
  /** Closes now, whoever is connected: aborts what is out and sends nothing more until the next `connect`. */
  close(): void;
}

export function createLifecycle(clock: RightsClock): EngineLifecycle {
  const inFlight = new Set<AbortController>();
  let connections = 0;
  let closeTimer: unknown = null;
  let closed = false;
  const close = () => {
    if (closeTimer !== null) {
      clock.clearTimeout(closeTimer);
      closeTimer = null;
    }
    closed = true;
    for (const controller of inFlight) {
      controller.abort(new RightsError('write-failed', 'The provider unmounted.'));
    }
  };
  return {
    close,
    get closed() {
      return closed;
    },
    get connected() {
      return connections > 0;
    },
    track(controller) {
      inFlight.add(controller);
    },
    release(controller) {
      inFlight.delete(controller);
    },
    connect(reopened, lastGone) {
      connections += 1;
      if (closeTimer !== null) {
        clock.clearTimeout(closeTimer);
        closeTimer = null;
      }
      if (closed) {
        closed = false;
        reopened();
      }
      return () => {
        connections -= 1;
        if (connections > 0) {
          return;
        }
        lastGone();
        closeTimer = clock.setTimeout(close, 0);
      };
    },
  };
}
