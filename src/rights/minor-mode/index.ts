export { GuardianVerification, type GuardianVerificationProps } from './guardian-verification.js';
export { MinorModeEntryPrompt, type MinorModeEntryPromptProps } from './minor-mode-entry-prompt.js';
export { MinorModeGate, type MinorModeGateProps } from './minor-mode-gate.js';
export { MinorModeSettings, type MinorModeSettingsProps } from './minor-mode-settings.js';
export { formatMinorModeTime, useMinorMode, useSpendingGuard, type UseMinorModeResult, type UseSpendingGuardResult } from './use-minor-mode.js';
