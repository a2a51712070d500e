import { forwardRef, useEffect, useId, useRef, useState, type ComponentPropsWithoutRef } from 'react';
import { minorModeMessages } from './messages.js';
import { useRightsClock } from '../../kernel/react/use-rights-clock.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';
import { Toast } from '../../kernel/ui/rights-status.js';
import type { OverlayContainer } from '../../kernel/ui/portal-scope.js';
import { GuardianVerification } from './guardian-verification.js';
import { formatMinorModeTime, useMinorMode, useMinorModeTimeZone } from './use-minor-mode.js';

const NAME = 'MinorModeGate';

/** Minutes a guardian can grant from the lock screen. */
const GRANT_CHOICES = [15, 30, 60] as const;

export interface MinorModeGateProps extends ComponentPropsWithoutRef<'div'> {
  /**
   * The platform's IANA time zone for the curfew and the day.
   * @deprecated Pass `timeZone` to `RightsProvider`: it applies with no gate mounted too. Given here, it still
   * replaces the provider's zone from the moment the gate mounts.
   */
  timeZone?: string;
  /** Where the guardian dialog and the reminder render; see `NotInterestedButton`'s `container`. */
  container?: OverlayContainer;
}

/**
 * Wraps the app (MIN 43, MMG 2024). While minor mode is on (and the kit counts time while the app is in
 * front, as the provider's `visibility` says), it reminds the user to rest after 30 minutes of continuous
 * use, and when the daily time runs out or the 22:00–06:00 curfew in the provider's `timeZone` starts it
 * covers the content with a lock screen that says why
 * and when use resumes, and lets a guardian grant more time. The content beneath is `inert`: hidden from
 * screen readers and out of the keyboard's reach, not just covered.
 *
 * @selector [data-slot="minor-mode-gate"][data-state="open" | "locked"] the root; `data-lock="curfew" | "limit"` while locked
 * @selector [data-slot="minor-mode-gate-content"] the app beneath
 * @selector [data-slot="minor-mode-lock"] the lock screen
 * @selector [data-slot="minor-mode-gate-toast"] the rest reminder
 */
export const MinorModeGate = forwardRef<HTMLDivElement, MinorModeGateProps>(function MinorModeGate(props, ref) {
  const { timeZone, container, children, ...rootProps } = props;
  const { t, locale } = useRightsTranslation(NAME, minorModeMessages);
  const minor = useMinorMode(NAME);
  const clock = useRightsClock(NAME);
  const id = useId();
  const [anchor, setAnchor] = useState<HTMLDivElement | null>(null);
  const [granting, setGranting] = useState(false);
  const [minutes, setMinutes] = useState<number>(GRANT_CHOICES[0]);
  const [granted, setGranted] = useState<number | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const lock = minor.on ? minor.status.lock : null;

  useMinorModeTimeZone(NAME, timeZone);

  // The lock screen takes focus, so a keyboard or screen-reader user lands on why the app stopped.
  useEffect(() => {
    if (lock) {
      setGranted(null);
      headingRef.current?.focus();
    }
  }, [lock]);

  const resumes = minor.status.resumesAt === null ? null : formatMinorModeTime(minor.status.resumesAt, clock.now(), locale, minor.timeZone);
  const allowanceMinutes = Math.round(minor.settings.dailyLimitMinutes);

  return (
    <div
      data-slot="minor-mode-gate"
      data-ar-part="root"
      data-state={lock ? 'locked' : 'open'}
      data-lock={lock ?? undefined}
      data-error={minor.failure ? '' : undefined}
      {...rootProps}
      ref={(node) => {
        setAnchor(node);
        if (typeof ref === 'function') {
          ref(node);
        } else if (ref) {
          ref.current = node;
        }
      }}
    >
      <div data-slot="minor-mode-gate-content" inert={lock ? true : undefined} aria-hidden={lock ? true : undefined}>
        {children}
      </div>
      {lock ? (
        <section data-slot="minor-mode-lock" data-ar-part="root" data-ar-variant="flush-paragraphs" data-lock={lock} role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`}>
          <h2 id={`${id}-title`} data-slot="minor-mode-lock-title" tabIndex={-1} ref={headingRef}>
            {lock === 'curfew' ? t('minorMode.gate.curfewTitle') : t('minorMode.gate.limitTitle')}
          </h2>
          <div id={`${id}-text`}>
            <p data-slot="minor-mode-lock-reason" data-ar-part="muted">{lock === 'curfew' ? t('minorMode.gate.curfewText') : t('minorMode.gate.limitText', { count: allowanceMinutes })}</p>
            {resumes ? <p data-slot="minor-mode-lock-resumes">{t('minorMode.gate.resumes', { time: resumes })}</p> : null}
          </div>
          <button type="button" data-slot="minor-mode-lock-grant" onClick={() => setGranting(true)}>
            {lock === 'curfew' ? t('minorMode.settings.exemptTonight') : t('minorMode.gate.grant')}
          </button>
          {granted ? (
            <p role="status" data-slot="minor-mode-lock-granted">
              {t('minorMode.gate.granted', { count: granted })}
            </p>
          ) : null}
        </section>
      ) : null}
      <GuardianVerification
        open={granting}
        onOpenChange={setGranting}
        purpose="grant-time"
        container={container}
        onVerified={() => {
          if (lock === 'curfew') {
            void minor.exemptTonight();
          } else if (minor.grantTime(minutes)) {
            setGranted(minutes);
          }
        }}
      >
        {lock === 'curfew' ? null : (
          <fieldset data-slot="minor-mode-grant-choices">
            <legend>{t('minorMode.gate.grantLabel')}</legend>
            {GRANT_CHOICES.map((choice) => (
              <label key={choice} data-slot="minor-mode-grant-choice">
                <input type="radio" name={`${id}-minutes`} value={choice} checked={minutes === choice} onChange={() => setMinutes(choice)} />
                {t('minorMode.gate.minutes', { count: choice })}
              </label>
            ))}
          </fieldset>
        )}
      </GuardianVerification>
      {minor.on && minor.status.restDue && !lock ? (
        <Toast
          slot="minor-mode-gate"
          role="alert"
          message={t('minorMode.rest.text')}
          holdable={false}
          action={{ label: t('minorMode.rest.dismiss'), slot: 'rest-dismiss', onClick: () => minor.dismissRest() }}
          anchor={anchor}
        />
      ) : null}
    </div>
  );
});
MinorModeGate.displayName = NAME;
