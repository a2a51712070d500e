import { render, screen, waitFor } from '@testing-library/react';
import { expect, test } from 'vitest';
import { createMemoryComplaintDraftsAdapter, createMemoryComplaintsAdapter } from './core/adapters.js';
import type { ComplaintTicket } from './core/model.js';
import { createManualClock } from '../../kernel/core/clock.js';
import { bundledMessages } from '../../kernel/core/i18n/all-messages.js';
import { createMemoryOutboxAdapter } from '../../kernel/core/outbox/outbox-adapters.js';
import { RightsProvider } from '../../provider.js';
import { ComplaintTickets } from './complaint-tickets.js';

const m = bundledMessages['zh-CN'];

test("without a pinned `now`, the working days left count from the provider's clock, not the device's", async () => {
  const clock = createManualClock(Date.parse('2025-10-09T02:00:00Z'));
  const received: ComplaintTicket = { id: 'T-1', kind: 'appeal', receivedAt: '2025-09-30T02:00:00.000Z', status: 'processing' };
  render(
    <RightsProvider
      locale="zh-CN"
      clock={clock}
      adapters={{
        complaints: createMemoryComplaintsAdapter({ initial: [received] }),
        complaintDrafts: createMemoryComplaintDraftsAdapter({ cell: { value: null } }),
        outbox: createMemoryOutboxAdapter(),
      }}
    >
      <ComplaintTickets />
    </RightsProvider>,
  );
  await waitFor(() => expect(screen.getByText(m.complaints.tickets.status.processing)).toBeVisible());
  // Received 2025-09-30, due 10-28 (15 working days); on the clock's 10-09, 14 are left.
  expect(screen.getByText(/还剩 14 个工作日/)).toBeVisible();
});
