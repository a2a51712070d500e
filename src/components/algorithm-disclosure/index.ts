export { AlgorithmDisclosure, type AlgorithmDisclosureProps } from './algorithm-disclosure.js';
export { WhyRecommended, type WhyRecommendedProps } from './why-recommended.js';
export { useAlgorithmFilings } from './use-algorithm-disclosure.js';
export { useWhyRecommended, type UseWhyRecommendedResult } from './use-why-recommended.js';
