export { RecommendationModePicker, type RecommendationModePickerProps } from './recommendation-mode-picker.js';
export {
  PERSONALIZED,
  useRecommendationModePicker,
  type RecommendationStrategy,
  type UseRecommendationModePickerOptions,
  type UseRecommendationModePickerResult,
} from './use-recommendation-mode-picker.js';
