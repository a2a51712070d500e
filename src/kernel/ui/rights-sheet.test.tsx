import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dialog } from 'radix-ui';
import { describe, expect, test } from 'vitest';
import { RightsSheet, type RightsSheetProps } from './rights-sheet.js';

const inPlace = { inPlace: true, container: undefined, attributes: {} };

function Sheet(props: Partial<RightsSheetProps>) {
  return (
    <Dialog.Root>
      <Dialog.Trigger>打开</Dialog.Trigger>
      <RightsSheet
        slots={{ overlay: 'demo-overlay', content: 'demo-sheet', header: 'demo-header', title: 'demo-title', close: 'demo-close', body: 'demo-body' }}
        target={inPlace}
        presentation="sheet"
        title="举报"
        closeLabel="关闭"
        aria-describedby={undefined}
        {...props}
      >
        <button type="button">提交</button>
      </RightsSheet>
    </Dialog.Root>
  );
}

describe('RightsSheet', () => {
  test('the caller names every part by its data-slot; the shared look comes from data-ar-part', async () => {
    const user = userEvent.setup();
    render(<Sheet />);
    await user.click(screen.getByRole('button', { name: '打开' }));
    const dialog = screen.getByRole('dialog', { name: '举报' });
    expect(dialog).toHaveAttribute('data-slot', 'demo-sheet');
    expect(dialog).toHaveAttribute('data-ar-part', 'sheet');
    expect(dialog).toHaveAttribute('data-presentation', 'sheet');
    expect(dialog.querySelector('[data-slot="demo-header"]')).toHaveAttribute('data-ar-part', 'sheet-header');
    expect(screen.getByRole('heading', { name: '举报' })).toHaveAttribute('data-slot', 'demo-title');
    expect(screen.getByRole('button', { name: '关闭' })).toHaveAttribute('data-slot', 'demo-close');
    expect(screen.getByRole('button', { name: '关闭' })).toHaveAttribute('data-ar-part', 'close');
    expect(screen.getByRole('button', { name: '提交' }).parentElement).toHaveAttribute('data-slot', 'demo-body');
    expect(document.querySelector('[data-slot="demo-overlay"]')).toHaveAttribute('data-ar-part', 'overlay');
  });

  test('the ✕ closes it and focus returns to what opened it', async () => {
    const user = userEvent.setup();
    render(<Sheet />);
    const trigger = screen.getByRole('button', { name: '打开' });
    await user.click(trigger);
    await user.click(screen.getByRole('button', { name: '关闭' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(trigger).toHaveFocus();
  });

  test('focus stays inside while it is open', async () => {
    const user = userEvent.setup();
    render(<Sheet />);
    await user.click(screen.getByRole('button', { name: '打开' }));
    const dialog = screen.getByRole('dialog');
    for (let step = 0; step < 4; step++) {
      await user.tab();
      expect(dialog.contains(document.activeElement)).toBe(true);
    }
  });

  test('without a header slot or a close label the title comes first and there is no ✕, as in a consent prompt', async () => {
    const user = userEvent.setup();
    render(<Sheet slots={{ overlay: 'demo-overlay', content: 'demo-panel', title: 'demo-title' }} closeLabel={undefined} presentation="dialog" />);
    await user.click(screen.getByRole('button', { name: '打开' }));
    const dialog = screen.getByRole('dialog', { name: '举报' });
    expect(dialog).toHaveAttribute('data-presentation', 'dialog');
    expect(dialog.firstElementChild).toHaveAttribute('data-slot', 'demo-title');
    expect(screen.queryByRole('button', { name: '关闭' })).toBeNull();
  });

  test('a paragraph title still names the dialog', async () => {
    const user = userEvent.setup();
    render(<Sheet titleElement="p" />);
    await user.click(screen.getByRole('button', { name: '打开' }));
    expect(screen.getByRole('dialog', { name: '举报' })).toBeInTheDocument();
    expect(screen.queryByRole('heading')).toBeNull();
    expect(screen.getByText('举报').tagName).toBe('P');
  });
});
