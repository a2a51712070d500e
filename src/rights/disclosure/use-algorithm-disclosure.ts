import { useMemo } from 'react';
import {
  assertFilingNumber,
  assertGenerativeAiFiling,
  FILING_RECORD_URL,
  type AlgorithmFiling,
  type FilingStatus,
  type GenerativeAiFiling,
} from './core/filing.js';
import { RightsDeveloperError } from '../../kernel/core/errors.js';
import { assertSafeHref } from '../../kernel/core/safe-href.js';

const NAME = 'AlgorithmDisclosure';

type OneOrMany<T> = T | readonly T[];

function toList<T>(value: OneOrMany<T> | undefined): readonly T[] {
  return value === undefined ? [] : Array.isArray(value) ? (value as readonly T[]) : [value as T];
}

/** What {@link useAlgorithmFilings} reads. */
export interface UseAlgorithmFilingsOptions {
  /** The filed algorithms. */
  filings?: OneOrMany<AlgorithmFiling>;
  /** Default: `filed`. */
  filingStatus?: FilingStatus;
  /** Generative-AI services' models and their 备案号 or 上线编号. */
  generativeAi?: OneOrMany<GenerativeAiFiling>;
}

/** The filings, validated, with every record link filled in. */
export interface UseAlgorithmFilingsResult {
  /** Where the filing stands: `in-progress` while the provider is in its filing period (ALG 24–25). */
  status: FilingStatus;
  /** The filed algorithms, each with its record link ({@link FILING_RECORD_URL} unless given). */
  filings: (AlgorithmFiling & { url: string })[];
  /** The generative-AI filings, each with its kind. */
  generativeAi: (GenerativeAiFiling & { kind: 'filed' | 'registered' })[];
}

/**
 * Validates and normalizes the filings once per change. A malformed number, or
 * no filing at all while the status is `filed`, is a developer error naming the
 * fix (ALG 26).
 */
export function useAlgorithmFilings(options: UseAlgorithmFilingsOptions): UseAlgorithmFilingsResult {
  const { filings, filingStatus = 'filed', generativeAi } = options;
  return useMemo(() => {
    if (filingStatus !== 'filed' && filingStatus !== 'in-progress') {
      throw new RightsDeveloperError(`\`${NAME}\` got \`filingStatus\` "${String(filingStatus)}". Use "filed" or "in-progress".`);
    }
    const list = toList(filings);
    if (list.length === 0 && filingStatus === 'filed') {
      throw new RightsDeveloperError(
        `\`${NAME}\` needs \`filings\`: the filing number of each filed algorithm, such as ` +
          `{ number: '网信算备110108823483902230019号' }. ALG 26 requires it to be shown and linked. ` +
          `While your filing is in its filing period (ALG 24–25), pass \`filingStatus="in-progress"\` instead.`,
      );
    }
    for (const filing of list) {
      assertFilingNumber(filing.number, NAME);
      if (filing.url !== undefined) {
        assertSafeHref(filing.url, NAME, 'filings[].url');
      }
    }
    const generative = toList(generativeAi);
    for (const filing of generative) {
      assertGenerativeAiFiling(filing, NAME);
    }
    return {
      status: filingStatus,
      filings: list.map((filing) => ({ ...filing, url: filing.url ?? FILING_RECORD_URL })),
      generativeAi: generative.map((filing) => ({ ...filing, kind: filing.kind ?? 'filed' })),
    };
  }, [filings, filingStatus, generativeAi]);
}
