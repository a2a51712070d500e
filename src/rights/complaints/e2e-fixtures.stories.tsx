import type { Meta, StoryObj } from '@storybook/react-vite';
import {
  ComplaintCenter,
  ComplaintTickets,
  ReportButton,
  createLocalStorageComplaintDraftsAdapter,
  createLocalStorageComplaintsAdapter,
  createLocalStorageOutboxAdapter,
  createMemoryComplaintDraftsAdapter,
  createMemoryComplaintsAdapter,
  type ComplaintsAdapter,
} from '../../index.js';
import { BACKEND_OFFLINE_KEY, NOW, itemLabel, sampleTickets } from './story-content.js';
import { localeOf } from '../../../stories/support/messages.js';

/**
 * Stories that the end-to-end tests of the complaint entry drive by hand: no play functions, and `!test`
 * keeps them out of the story tests. The report fixture keeps complaints, drafts and the outbox in
 * localStorage, so a reload keeps them.
 */
const meta = {
  title: 'E2E fixtures/Complaints',
  tags: ['fixture', '!test', '!autodocs'],
} satisfies Meta;

export default meta;
type Story = StoryObj<typeof meta>;

/** The localStorage adapter behind a connection that fails while the test says the backend is unreachable. */
function reachable(adapter: Required<ComplaintsAdapter>): ComplaintsAdapter {
  const check = () => {
    if (localStorage.getItem(BACKEND_OFFLINE_KEY) === '1') {
      throw new Error('The backend cannot be reached.');
    }
  };
  return {
    submit: (complaint, options) => {
      check();
      return adapter.submit(complaint, options);
    },
    list: (options) => adapter.list(options),
    subscribe: adapter.subscribe,
  };
}

/** Two items of a feed, each with 举报, and the user's tickets below. */
export const ReportOnFeed: Story = {
  parameters: {
    rights: {
      adapters: () => ({
        complaints: reachable(createLocalStorageComplaintsAdapter({ key: 'algorights-e2e:complaints', now: () => NOW })),
        complaintDrafts: createLocalStorageComplaintDraftsAdapter({ key: 'algorights-e2e:complaint-drafts' }),
        outbox: createLocalStorageOutboxAdapter({ key: 'algorights-e2e:outbox' }),
      }),
    },
  },
  render: (_, { globals }) => (
    <div style={{ display: 'grid', gap: 16 }}>
      {['item-7', 'item-8'].map((id, index) => (
        <article key={id} style={{ display: 'flex', flexWrap: 'wrap', alignItems: 'center', justifyContent: 'space-between', gap: 8 }}>
          <span>
            {itemLabel(localeOf(globals))} {index + 1}
          </span>
          <ReportButton itemId={id} itemLabel={`${itemLabel(localeOf(globals))} ${index + 1}`} now={NOW} />
        </article>
      ))}
      <ComplaintTickets now={NOW} headingLevel={2} />
    </div>
  ),
};

/** The complaint center of a user with one ticket of each status, the refusal to a guardian among them. */
export const CenterWithTickets: Story = {
  parameters: {
    rights: {
      adapters: (locale: string) => ({
        complaints: createMemoryComplaintsAdapter({ now: () => NOW, initial: sampleTickets(localeOf({ locale })) }),
        complaintDrafts: createMemoryComplaintDraftsAdapter(),
      }),
    },
  },
  render: () => <ComplaintCenter now={NOW} />,
};
