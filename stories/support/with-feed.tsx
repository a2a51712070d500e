import { PersonalizationSwitch, type PersonalizationSwitchProps } from '../../src/index.js';
import { DemoFeed } from './demo-feed.js';
import { localeOf } from './messages.js';

/** Renders the switch above the demo feed, which shows what the feed request carries. */
export function renderWithFeed(args: PersonalizationSwitchProps, { globals }: { globals: Record<string, unknown> }) {
  return (
    <>
      <PersonalizationSwitch {...args} />
      <DemoFeed locale={localeOf(globals)} />
    </>
  );
}
