// The disclosure's public names, which the package root (src/index.ts) re-exports: its filing rules, then its
// components and hooks. src/package-exports.test.ts holds the list.
export {
  FILING_NUMBER_PATTERN,
  FILING_RECORD_URL,
  assertFilingNumber,
  assertGenerativeAiFiling,
  type AlgorithmFiling,
  type FilingStatus,
  type GenerativeAiFiling,
} from './core/filing.js';
export { AlgorithmDisclosure, type AlgorithmDisclosureProps } from './algorithm-disclosure.js';
export { WhyRecommended, type WhyRecommendedProps, type WhyRecommendedStrategy } from './why-recommended.js';
export { useAlgorithmFilings, type UseAlgorithmFilingsOptions, type UseAlgorithmFilingsResult } from './use-algorithm-disclosure.js';
export { useWhyRecommended, type UseWhyRecommendedResult, type WhyRecommendedBasis } from './use-why-recommended.js';
