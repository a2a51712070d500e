import { forwardRef, useId, useState, type ComponentPropsWithoutRef, type FormEvent } from 'react';
import type { GuardianPurpose } from './core/adapter.js';
import { failureMessage } from '../../kernel/core/i18n/create-rights-i18n.js';
import { minorModeMessages } from './messages.js';
import { isPinFormat } from './core/pin.js';
import type { MinorAgeBand } from './core/model.js';
import { useRightsTranslation } from '../../kernel/react/use-rights-translation.js';
import type { OverlayContainer } from '../../kernel/ui/portal-scope.js';
import { contractAttributes, RightsStatus } from '../../kernel/ui/rights-status.js';
import { GuardianVerification } from './guardian-verification.js';
import { MinorModeBandChoice, MinorModeSetup, PinField } from './minor-mode-setup.js';
import { useMinorMode } from './use-minor-mode.js';

const NAME = 'MinorModeSettings';

export interface MinorModeSettingsProps extends Omit<ComponentPropsWithoutRef<'section'>, 'children'> {
  /** The heading level of the title. Default: 2. */
  headingLevel?: 2 | 3;
  /** Where the guardian dialog renders; see `NotInterestedButton`'s `container`. */
  container?: OverlayContainer;
}

const yuan = (fen: number) => String(fen / 100);
const fen = (text: string) => Math.max(0, Math.round(Number(text) * 100) || 0);

/**
 * The guardian console (MIN 43: 时间管理、权限管理、消费管理). Off: the child's band and a guardian PIN
 * turn it on. On: the band, today's time and the curfew; after the guardian check, the band, the daily
 * time, tonight's curfew, the spending caps (MIN 44), the PIN and leaving minor mode.
 *
 * @selector [data-slot="minor-mode-settings"][data-state="loading" | "ready" | "error"][data-value="on" | "off"] the root
 * @selector [data-slot="minor-mode-settings-editor"] the guardian's form, once verified
 */
export const MinorModeSettings = forwardRef<HTMLElement, MinorModeSettingsProps>(function MinorModeSettings(props, ref) {
  const { headingLevel = 2, container, ...rootProps } = props;
  const { t } = useRightsTranslation(NAME, minorModeMessages);
  const minor = useMinorMode(NAME);
  const id = useId();
  const [asking, setAsking] = useState<GuardianPurpose | null>(null);
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  const Heading = `h${headingLevel}` as const;

  const verified = (purpose: GuardianPurpose) => {
    if (purpose === 'exit') {
      void minor.exit().then(() => setEditing(false));
    } else {
      setEditing(true);
    }
  };
  const done = () => {
    setEditing(false);
    setNote(null);
    minor.endGuardianSession();
  };

  return (
    <section
      data-slot="minor-mode-settings"
      data-ar-part="root"
      data-ar-variant="flush-paragraphs"
      {...contractAttributes(minor)}
      data-value={minor.on ? 'on' : 'off'}
      aria-labelledby={`${id}-title`}
      {...rootProps}
      ref={ref}
    >
      <div data-slot="minor-mode-settings-header">
        <Heading id={`${id}-title`} data-slot="minor-mode-settings-title">
          {t('minorMode.settings.title')}
        </Heading>
        <span data-slot="minor-mode-settings-status">{minor.on ? t('minorMode.settings.statusOn') : t('minorMode.settings.statusOff')}</span>
      </div>
      <p data-slot="minor-mode-settings-description" data-ar-part="muted">{t('minorMode.settings.description')}</p>
      <RightsStatus
        slot="minor-mode-settings"
        loading={minor.hydrated ? null : t('minorMode.loading')}
        syncPending={minor.syncNotice ? t('minorMode.syncPending') : null}
        canRetry={minor.syncPending}
        retryLabel={t('minorMode.retry')}
        onRetry={minor.retry}
        failure={minor.failure ? failureMessage(t, 'minorMode', minor.failure) : null}
        onDismiss={minor.failure && minor.failure.action !== 'load' ? minor.dismissFailure : undefined}
        dismissLabel={t('minorMode.dismiss')}
      >
        {note}
      </RightsStatus>
      {!minor.on ? (
        minor.hydrated ? (
          <MinorModeSetup t={t} askPin={!minor.platformCheck} onEnter={(options) => void minor.enter(options)} />
        ) : null
      ) : (
        <>
          <ul data-slot="minor-mode-settings-summary">
            {minor.device ? <li>{t('minorMode.settings.device')}</li> : null}
            <li>{t('minorMode.settings.band', { band: t(`minorMode.bands.${minor.contentBand}`) })}</li>
            <li>{t('minorMode.settings.usedToday', { used: minor.usedMinutes, limit: Math.round(minor.status.allowanceMs / 60_000) })}</li>
            <li>{minor.settings.curfewExemptNight ? t('minorMode.settings.exempted') : t('minorMode.settings.curfew')}</li>
          </ul>
          {!minor.hasPin && !minor.platformCheck ? (
            <NewPin t={t} label={t('minorMode.settings.setPin')} onSet={async (pin) => (await minor.setPin(pin)) && setNote(t('minorMode.settings.pinChanged'))} />
          ) : editing ? (
            <Editor key={minor.settings.ageBand} minor={minor} onNote={setNote} onDone={done} onExit={() => (minor.isVerified() ? verified('exit') : setAsking('exit'))} />
          ) : (
            <div data-slot="minor-mode-settings-actions">
              <button type="button" data-slot="minor-mode-settings-manage" onClick={() => setAsking('settings')}>
                {t('minorMode.settings.manage')}
              </button>
              {minor.device ? null : (
                <button type="button" data-slot="minor-mode-settings-exit" onClick={() => setAsking('exit')}>
                  {t('minorMode.settings.exit')}
                </button>
              )}
            </div>
          )}
        </>
      )}
      <GuardianVerification
        open={asking !== null}
        onOpenChange={(open) => !open && setAsking(null)}
        purpose={asking ?? 'settings'}
        container={container}
        onVerified={() => asking && verified(asking)}
      />
    </section>
  );
});
MinorModeSettings.displayName = NAME;

function NewPin(props: { t: ReturnType<typeof useRightsTranslation>['t']; label: string; onSet(pin: string): void }) {
  const { t, label, onSet } = props;
  const id = useId();
  const [pin, setPin] = useState('');
  const [invalid, setInvalid] = useState(false);
  return (
    <div data-slot="minor-mode-settings-pin">
      <PinField id={`${id}-pin`} label={label} hint={t('minorMode.setup.pinHint')} value={pin} onChange={setPin} invalid={invalid} errorId={`${id}-error`} />
      {invalid ? (
        <p id={`${id}-error`} role="alert">
          {t('minorMode.setup.pinInvalid')}
        </p>
      ) : null}
      <button
        type="button"
        onClick={() => {
          setInvalid(!isPinFormat(pin));
          if (isPinFormat(pin)) {
            onSet(pin);
            setPin('');
          }
        }}
      >
        {label}
      </button>
    </div>
  );
}

function Editor(props: { minor: ReturnType<typeof useMinorMode>; onNote(note: string): void; onDone(): void; onExit(): void }) {
  const { minor, onNote, onDone, onExit } = props;
  const { t } = useRightsTranslation(NAME, minorModeMessages);
  const id = useId();
  const [band, setBand] = useState<MinorAgeBand>(minor.settings.ageBand);
  const [limit, setLimit] = useState(String(minor.settings.dailyLimitMinutes));
  const [perTransaction, setPerTransaction] = useState(yuan(minor.settings.spending.perTransaction));
  const [perDay, setPerDay] = useState(yuan(minor.settings.spending.perDay));
  const [approveEach, setApproveEach] = useState(minor.settings.spending.guardianApprovesEach);
  const save = async (event: FormEvent) => {
    event.preventDefault();
    const minutes = Math.min(1440, Math.max(0, Math.round(Number(limit)) || 0));
    const saved = await minor.updateSettings({
      ageBand: band,
      dailyLimitMinutes: minutes,
      spending: { perTransaction: fen(perTransaction), perDay: fen(perDay), guardianApprovesEach: approveEach },
    });
    if (saved) {
      onNote(t('minorMode.settings.saved'));
    }
  };
  return (
    <div data-slot="minor-mode-settings-editor">
      <form data-slot="minor-mode-settings-form" onSubmit={(event) => void save(event)} noValidate>
        <MinorModeBandChoice t={t} legend={t('minorMode.settings.bandLabel')} value={band} onChange={setBand} name={`${id}-band`} />
        <div data-slot="minor-mode-settings-field">
          <label htmlFor={`${id}-limit`}>{t('minorMode.settings.dailyLimitLabel')}</label>
          <input id={`${id}-limit`} type="number" inputMode="numeric" min={0} max={1440} step={5} value={limit} onChange={(event) => setLimit(event.currentTarget.value)} />
        </div>
        <fieldset data-slot="minor-mode-settings-spending">
          <legend>{t('minorMode.settings.spendingTitle')}</legend>
          <div data-slot="minor-mode-settings-field">
            <label htmlFor={`${id}-per-transaction`}>{t('minorMode.settings.perTransaction')}</label>
            <input id={`${id}-per-transaction`} type="number" inputMode="decimal" min={0} value={perTransaction} onChange={(event) => setPerTransaction(event.currentTarget.value)} />
          </div>
          <div data-slot="minor-mode-settings-field">
            <label htmlFor={`${id}-per-day`}>{t('minorMode.settings.perDay')}</label>
            <input id={`${id}-per-day`} type="number" inputMode="decimal" min={0} value={perDay} onChange={(event) => setPerDay(event.currentTarget.value)} />
          </div>
          <label data-slot="minor-mode-settings-check" data-ar-cell="">
            <input type="checkbox" checked={approveEach} onChange={(event) => setApproveEach(event.currentTarget.checked)} />
            {t('minorMode.settings.approveEach')}
          </label>
        </fieldset>
        <button type="submit" data-slot="minor-mode-settings-save">
          {t('minorMode.settings.save')}
        </button>
      </form>
      <button type="button" data-slot="minor-mode-settings-exempt" disabled={minor.settings.curfewExemptNight !== null} onClick={() => void minor.exemptTonight()}>
        {t('minorMode.settings.exemptTonight')}
      </button>
      {minor.platformCheck ? null : (
        <NewPin t={t} label={t('minorMode.settings.changePin')} onSet={async (pin) => (await minor.setPin(pin)) && onNote(t('minorMode.settings.pinChanged'))} />
      )}
      <div data-slot="minor-mode-settings-actions">
        {minor.device ? null : (
          <button type="button" data-slot="minor-mode-settings-exit" onClick={onExit}>
            {t('minorMode.settings.exit')}
          </button>
        )}
        <button type="button" data-slot="minor-mode-settings-done" onClick={onDone}>
          {t('minorMode.settings.done')}
        </button>
      </div>
    </div>
  );
}
