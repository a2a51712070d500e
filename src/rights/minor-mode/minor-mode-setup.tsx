import { useId, useState, type FormEvent } from 'react';
import type { Translate } from '../../kernel/core/i18n/create-rights-i18n.js';
import { isPinFormat } from './core/pin.js';
import { MINOR_AGE_BANDS, type MinorAgeBand } from './core/model.js';

/** The age bands as a radio group of list cells. */
export function MinorModeBandChoice(props: { t: Translate; legend: string; value: MinorAgeBand | null; onChange(band: MinorAgeBand): void; name: string }) {
  const { t, legend, value, onChange, name } = props;
  return (
    <fieldset data-slot="minor-mode-bands">
      <legend data-slot="minor-mode-bands-legend">{legend}</legend>
      {MINOR_AGE_BANDS.map((band) => (
        <label key={band} data-slot="minor-mode-band" data-ar-cell="">
          <input type="radio" name={name} value={band} checked={value === band} onChange={() => onChange(band)} />
          <span>{t(`minorMode.bands.${band}`)}</span>
        </label>
      ))}
    </fieldset>
  );
}

/** A PIN field: digits only, masked, never kept beyond the form. */
export function PinField(props: { id: string; label: string; hint?: string; value: string; onChange(value: string): void; invalid?: boolean; errorId?: string }) {
  const { id, label, hint, value, onChange, invalid, errorId } = props;
  const described = [hint ? `${id}-hint` : null, invalid && errorId ? errorId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div data-slot="minor-mode-pin-field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} data-slot="minor-mode-pin-hint" data-ar-part="muted">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        data-slot="minor-mode-pin"
        type="password"
        inputMode="numeric"
        autoComplete="new-password"
        maxLength={6}
        value={value}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={described}
        onChange={(event) => onChange(event.currentTarget.value.replace(/\D/g, ''))}
      />
    </div>
  );
}

export interface MinorModeSetupProps {
  t: Translate;
  /** Whether to ask for a PIN: not when the platform checks the guardian itself. */
  askPin: boolean;
  onEnter(options: { ageBand: MinorAgeBand; pin?: string }): void;
}

/** Turning minor mode on: the child's band and the guardian PIN, twice. */
export function MinorModeSetup(props: MinorModeSetupProps) {
  const { t, askPin, onEnter } = props;
  const id = useId();
  const [band, setBand] = useState<MinorAgeBand | null>(null);
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [problem, setProblem] = useState<'pinInvalid' | 'pinMismatch' | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (askPin && !isPinFormat(pin)) {
      setProblem('pinInvalid');
      return;
    }
    if (askPin && pin !== again) {
      setProblem('pinMismatch');
      return;
    }
    setProblem(null);
    onEnter({ ageBand: band ?? '12-16', ...(askPin ? { pin } : {}) });
  };
  return (
    <form data-slot="minor-mode-setup" onSubmit={submit} noValidate>
      <MinorModeBandChoice t={t} legend={t('minorMode.setup.bandLabel')} value={band} onChange={setBand} name={`${id}-band`} />
      {askPin ? (
        <>
          <PinField id={`${id}-pin`} label={t('minorMode.setup.pinLabel')} hint={t('minorMode.setup.pinHint')} value={pin} onChange={setPin} invalid={problem === 'pinInvalid'} errorId={`${id}-problem`} />
          <PinField id={`${id}-again`} label={t('minorMode.setup.pinConfirmLabel')} value={again} onChange={setAgain} invalid={problem === 'pinMismatch'} errorId={`${id}-problem`} />
        </>
      ) : null}
      {problem ? (
        <p id={`${id}-problem`} role="alert" data-slot="minor-mode-setup-error">
          {t(`minorMode.setup.${problem}`)}
        </p>
      ) : null}
      <button type="submit" data-slot="minor-mode-setup-submit" disabled={band === null}>
        {t('minorMode.setup.submit')}
      </button>
    </form>
  );
}
