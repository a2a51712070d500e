import { Dialog } from 'radix-ui';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { GuardianPurpose } from './core/adapter.js';
import { minorModeMessages } from './messages.js';
import { useRightsClock } from '../../kernel/react/use-rights-clock.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';
import { portalTarget, type OverlayContainer } from '../../kernel/ui/portal-scope.js';
import { RightsSheet } from '../../kernel/ui/rights-sheet.js';
import { usePresentation } from '../../kernel/ui/use-presentation.js';
import { formatMinorModeTime, useMinorMode } from './use-minor-mode.js';

const NAME = 'GuardianVerification';

export interface GuardianVerificationProps {
  /** Whether the dialog is open. */
  open: boolean;
  onOpenChange(open: boolean): void;
  /** What the guardian is asked for; the dialog says it. */
  purpose: GuardianPurpose;
  /** Called once the guardian passed: the PIN, or the platform's own check. */
  onVerified(): void;
  /** More to choose before confirming, such as how many minutes to grant. */
  children?: ReactNode;
  /** Where the dialog renders; see `NotInterestedButton`'s `container`. */
  container?: OverlayContainer;
}

/**
 * The guardian check (监护人验证, MMG 2024): the PIN, or the platform's own check through the adapter's
 * `verifyGuardian`. A wrong PIN says how many tries are left; after five the PIN locks and the dialog says
 * until when. The PIN is typed into a password field and never kept.
 *
 * @selector [data-slot="guardian-verification"][data-presentation="sheet" | "dialog"] the dialog
 * @selector [data-slot="guardian-verification-error"] a wrong PIN, the lockout, or a refused check
 */
export function GuardianVerification(props: GuardianVerificationProps) {
  const { open, onOpenChange, purpose, onVerified, children, container } = props;
  const { t, locale } = useRightsTranslation(NAME, minorModeMessages);
  const minor = useMinorMode(NAME);
  const clock = useRightsClock(NAME);
  const sheet = usePresentation('auto') === 'sheet';
  const id = useId();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [anchor, setAnchor] = useState<HTMLSpanElement | null>(null);
  const target = portalTarget(anchor, container);
  const locked = minor.pinLockedUntil;
  const lockedMessage = locked === null ? null : t('minorMode.verify.locked', { time: formatMinorModeTime(locked, clock.now(), locale, minor.timeZone) });

  const change = (next: boolean) => {
    if (!next) {
      setPin('');
      setMessage(null);
    }
    onOpenChange(next);
  };

  const submit = async (event?: FormEvent) => {
    event?.preventDefault();
    setBusy(true);
    const result = await minor.verify(purpose, minor.platformCheck ? undefined : pin);
    setBusy(false);
    setPin('');
    switch (result.status) {
      case 'verified':
        setMessage(null);
        onVerified();
        onOpenChange(false);
        return;
      case 'wrong':
        setMessage(t('minorMode.verify.wrong', { count: result.attemptsLeft }));
        return;
      case 'locked':
        setMessage(t('minorMode.verify.locked', { time: formatMinorModeTime(result.until, clock.now(), locale, minor.timeZone) }));
        return;
      case 'refused':
        setMessage(minor.failure?.action === 'verify' ? t('minorMode.failed.verify') : t('minorMode.verify.refused'));
        return;
      default:
        return result satisfies never;
    }
  };

  const error = message ?? lockedMessage;
  const content = (
    <RightsSheet
      slots={{ overlay: 'guardian-verification-overlay', content: 'guardian-verification', title: 'guardian-verification-title' }}
      data-ar-variant="flush-paragraphs"
      target={target}
      presentation={sheet ? 'sheet' : 'dialog'}
      title={t('minorMode.verify.title')}
      aria-describedby={`${id}-purpose`}
    >
      <p id={`${id}-purpose`} data-slot="guardian-verification-purpose" data-ar-part="muted">
        {t(`minorMode.verify.purposes.${purpose}`)}
      </p>
      <form data-slot="guardian-verification-form" onSubmit={(event) => void submit(event)} noValidate>
        {children}
        {minor.platformCheck ? null : (
          <div data-slot="guardian-verification-field">
            <label htmlFor={`${id}-pin`}>{t('minorMode.verify.pinLabel')}</label>
            <input
              id={`${id}-pin`}
              data-slot="guardian-verification-pin"
              type="password"
              inputMode="numeric"
              autoComplete="off"
              maxLength={6}
              value={pin}
              disabled={locked !== null}
              aria-invalid={message !== null ? true : undefined}
              aria-describedby={error ? `${id}-error` : undefined}
              onChange={(event) => setPin(event.currentTarget.value.replace(/\D/g, ''))}
            />
          </div>
        )}
        {error ? (
          <p id={`${id}-error`} role="alert" data-slot="guardian-verification-error">
            {error}
          </p>
        ) : null}
        <div data-slot="guardian-verification-actions">
          <Dialog.Close type="button" data-slot="guardian-verification-cancel">
            {t('minorMode.verify.cancel')}
          </Dialog.Close>
          <button type="submit" data-slot="guardian-verification-submit" disabled={busy || (locked !== null && !minor.platformCheck) || (!minor.platformCheck && pin.length < 4)}>
            {minor.platformCheck ? t('minorMode.verify.platform') : t('minorMode.verify.submit')}
          </button>
        </div>
      </form>
    </RightsSheet>
  );
  return (
    <>
      <span ref={setAnchor} hidden />
      <Dialog.Root open={open} onOpenChange={change}>
        {content}
      </Dialog.Root>
    </>
  );
}
