export { AlgorithmDisclosure, type AlgorithmDisclosureProps } from './algorithm-disclosure.js';
export { WhyRecommended, type WhyRecommendedProps, type WhyRecommendedStrategy } from './why-recommended.js';
export { useAlgorithmFilings, type UseAlgorithmFilingsOptions, type UseAlgorithmFilingsResult } from './use-algorithm-disclosure.js';
export { useWhyRecommended, type UseWhyRecommendedResult, type WhyRecommendedBasis } from './use-why-recommended.js';
export type { OverlayContainer } from '../../kernel/ui/portal-scope.js';
