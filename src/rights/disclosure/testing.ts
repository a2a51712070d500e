export { AlgorithmDisclosurePage } from './algorithm-disclosure-page.js';
