import { Dialog } from 'radix-ui';
import { useEffect, useState } from 'react';
import { minorModeMessages } from './messages.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';
import { portalTarget, type OverlayContainer } from '../../kernel/ui/portal-scope.js';
import { RightsSheet } from '../../kernel/ui/rights-sheet.js';
import { usePresentation } from '../../kernel/ui/use-presentation.js';
import { MinorModeSetup } from './minor-mode-setup.js';
import { useMinorMode } from './use-minor-mode.js';

const NAME = 'MinorModeEntryPrompt';

export interface MinorModeEntryPromptProps {
  /** Whether the platform shows the prompt. Default: true. Pass `false` to turn it off. */
  enabled?: boolean;
  /** Called once minor mode was turned on from the prompt. */
  onEntered?: () => void;
  /** Where the prompt renders; see `NotInterestedButton`'s `container`. */
  container?: OverlayContainer;
}

/**
 * The once-a-day prompt at launch that offers minor mode (a practice of the big apps, in step with MIN 43's
 * 醒目便捷): shown when minor mode is off and the prompt has not been shown today on this device. Turning
 * it on asks for the child's band and a guardian PIN in the same sheet.
 *
 * @selector [data-slot="minor-mode-prompt"][data-presentation="sheet" | "dialog"] the prompt
 */
export function MinorModeEntryPrompt(props: MinorModeEntryPromptProps) {
  const { enabled = true, onEntered, container } = props;
  const { t } = useRightsTranslation(NAME, minorModeMessages);
  const minor = useMinorMode(NAME);
  const sheet = usePresentation('auto') === 'sheet';
  const [open, setOpen] = useState(false);
  const [settingUp, setSettingUp] = useState(false);
  const [anchor, setAnchor] = useState<HTMLSpanElement | null>(null);
  const target = portalTarget(anchor, container);
  const due = enabled && minor.hydrated && !minor.on && !minor.promptShownToday;
  const { markPromptShown } = minor;

  // Decided once, at launch: a prompt shown today is not shown again, on this device.
  const [decided, setDecided] = useState(false);
  useEffect(() => {
    if (decided || !minor.hydrated) {
      return;
    }
    setDecided(true);
    if (due) {
      markPromptShown();
      setOpen(true);
    }
  }, [decided, due, minor.hydrated, markPromptShown]);

  const content = (
    <RightsSheet
      slots={{ overlay: 'minor-mode-prompt-overlay', content: 'minor-mode-prompt', title: 'minor-mode-prompt-title' }}
      data-ar-variant="flush-paragraphs"
      target={target}
      presentation={sheet ? 'sheet' : 'dialog'}
      title={settingUp ? t('minorMode.setup.title') : t('minorMode.prompt.title')}
    >
      <Dialog.Description data-slot="minor-mode-prompt-text" data-ar-part="muted">{t('minorMode.prompt.text')}</Dialog.Description>
      {settingUp ? (
        <MinorModeSetup
          t={t}
          askPin={!minor.platformCheck}
          onEnter={(options) => {
            void minor.enter(options);
            setOpen(false);
            onEntered?.();
          }}
        />
      ) : (
        <div data-slot="minor-mode-prompt-actions">
          <button type="button" data-slot="minor-mode-prompt-enter" onClick={() => setSettingUp(true)}>
            {t('minorMode.prompt.enter')}
          </button>
          <Dialog.Close data-slot="minor-mode-prompt-later">{t('minorMode.prompt.later')}</Dialog.Close>
        </div>
      )}
    </RightsSheet>
  );
  return (
    <>
      <span ref={setAnchor} hidden />
      <Dialog.Root open={open} onOpenChange={setOpen}>
        {content}
      </Dialog.Root>
    </>
  );
}
