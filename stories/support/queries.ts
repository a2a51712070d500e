import { within } from 'storybook/test';

/**
 * Queries over the whole page a story is in. Dialogs, popovers and sheets are portalled to the end of
 * `<body>` by default, outside the story's canvas, so play functions look for them here.
 */
export function inPage(canvasElement: HTMLElement) {
  return within(canvasElement.ownerDocument.body);
}
