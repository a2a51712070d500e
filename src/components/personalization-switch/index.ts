export { PersonalizationSwitch, type PersonalizationSwitchProps } from './personalization-switch.js';
export { usePersonalizationSwitch, type UsePersonalizationSwitchOptions } from './use-personalization-switch.js';
