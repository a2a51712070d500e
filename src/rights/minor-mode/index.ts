// Minor mode's public names, which the package root (src/index.ts) re-exports: its core (model, adapters, conformance
// suite, slice, events), then its components and hooks. src/package-exports.test.ts holds the list. The register
// import brings the right's types into the kernel's RightsRegistry by declaration merging.
import './core/register.js';
export {
  CURFEW_END_MINUTES,
  CURFEW_START_MINUTES,
  MINOR_AGE_BANDS,
  PIN_ATTEMPTS,
  REST_AFTER_MS,
  STRICTEST_AGE_BAND,
  checkSpending,
  defaultDailyLimitMinutes,
  defaultMinorModeSettings,
  defaultSpendingCaps,
  inCurfew,
  minorModeStatus,
  parseMinorModeRecord,
  type MinorAgeBand,
  type MinorModeLockReason,
  type MinorModeRecord,
  type MinorModeSettings as MinorModeSettingsData,
  type MinorModeSource,
  type MinorModeStatus,
  type MinorModeUsage,
  type SpendingCaps,
  type SpendingVerdict,
} from './core/model.js';
export { DEFAULT_PIN_ITERATIONS, type HashedPin } from './core/pin.js';
export type { DeviceMinorModeSignal, GuardianPurpose, MinorModeAdapter } from './core/adapter.js';
export {
  STORED_MINOR_MODE_VERSION,
  createLocalStorageMinorModeAdapter,
  createMemoryMinorModeAdapter,
  type EmbeddedMinorModeAdapter,
  type EmbeddedMinorModeAdapterOptions,
  type LocalStorageMinorModeAdapterOptions,
  type MemoryMinorModeAdapterOptions,
} from './core/adapters.js';
export {
  runMinorModeAdapterConformance,
  type MinorModeAdapterConformanceOptions,
  type MinorModeInspector,
} from './core/conformance.js';
export {
  minorModeSlice,
  type EnterMinorModeOptions,
  type GuardianResult,
  type MinorContentPool,
  type MinorModeAction,
  type MinorModeSlice,
  type MinorModeState,
  type RightsStateWithMinorMode,
} from './core/slice.js';
export { type MinorModeEvent, type MinorModeEventType } from './core/events.js';
export { GuardianVerification, type GuardianVerificationProps } from './guardian-verification.js';
export { MinorModeEntryPrompt, type MinorModeEntryPromptProps } from './minor-mode-entry-prompt.js';
export { MinorModeGate, type MinorModeGateProps } from './minor-mode-gate.js';
export { MinorModeSettings, type MinorModeSettingsProps } from './minor-mode-settings.js';
export { formatMinorModeTime, useMinorMode, useSpendingGuard, type UseMinorModeResult, type UseSpendingGuardResult } from './use-minor-mode.js';
