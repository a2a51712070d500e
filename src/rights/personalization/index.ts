export { PersonalizationSwitch, type PersonalizationSwitchProps } from './personalization-switch.js';
export {
  usePersonalizationSwitch,
  type UsePersonalizationSwitchOptions,
  type UsePersonalizationSwitchResult,
} from './use-personalization-switch.js';
