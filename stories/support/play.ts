/**
 * When a story's play function runs. A reviewer opening a story sees it as a user first would: the play
 * function (which opens dialogs, makes choices) does not run on first view. It runs:
 * - in the story tests (`npm run test:stories`): vitest.config.ts defines `__ALGORIGHTS_STORY_TEST__`;
 * - when the reviewer asks for it: "Rerun" or "Go to start" in the Interactions panel (both remount the
 *   story, which .storybook/preview.tsx hears and passes to {@link requestPlay});
 * - when the `autoplay` global is true, as in `iframe.html?id=…&globals=autoplay:!true`, which the
 *   end-to-end sweep of every story uses.
 *
 * Storybook itself has no setting for this: it plays on every first view, except in docs pages and in
 * `embed=true` frames. So every story's play function is wrapped in {@link playOnRequest}; the end-to-end
 * test `e2e/storybook/every-story.spec.ts` fails for one that is not.
 */

declare global {
  /** Defined as `true` by vitest.config.ts for the story tests, and nowhere else. */
  var __ALGORIGHTS_STORY_TEST__: boolean | undefined;
  /** What became of each story's play function on its latest render, for the end-to-end tests to read. */
  var __algorightsPlays__: Record<string, 'deferred' | 'played'> | undefined;
}

const requested = new Map<string, number>();

/** The story tests run under Vitest; nowhere else is this defined. */
export const isStoryTest = globalThis.__ALGORIGHTS_STORY_TEST__ === true;

// Vitest's browser mode marks its pages. A story test run without the define would skip every play function and
// pass without testing anything: refuse instead.
if (!isStoryTest && '__vitest_browser__' in globalThis) {
  throw new Error('The story tests run under Vitest without __ALGORIGHTS_STORY_TEST__: define it as vitest.config.ts does.');
}

/** The reviewer asked for the story to be played: its next render runs its play function once. */
export function requestPlay(storyId: string): void {
  requested.set(storyId, (requested.get(storyId) ?? 0) + 1);
}

function takeRequest(storyId: string): boolean {
  const count = requested.get(storyId) ?? 0;
  if (count === 0) {
    return false;
  }
  if (count === 1) {
    requested.delete(storyId);
  } else {
    requested.set(storyId, count - 1);
  }
  return true;
}

interface PlayContext {
  id: string;
  globals: Record<string, unknown>;
}

/** Wraps a play function so that it runs under test or on request only (see this module's comment). */
export function playOnRequest<Context extends PlayContext>(play: (context: Context) => Promise<void>): (context: Context) => Promise<void> {
  return async (context) => {
    const run = isStoryTest || context.globals.autoplay === true || takeRequest(context.id);
    globalThis.__algorightsPlays__ = { ...globalThis.__algorightsPlays__, [context.id]: run ? 'played' : 'deferred' };
    if (run) {
      await play(context);
    }
  };
}
