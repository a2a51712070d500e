import { useMemo } from 'react';
import { assertFilingNumber, FILING_RECORD_URL, type AlgorithmFiling } from '../../core/filing.js';
import { RightsDeveloperError } from '../../core/errors.js';
import { assertSafeHref } from '../../core/safe-href.js';

const NAME = 'AlgorithmDisclosure';

/** Validates and normalizes the filings once per change: a malformed number is a developer error (ALG 26). */
export function useAlgorithmFilings(filings: AlgorithmFiling | readonly AlgorithmFiling[] | undefined): (AlgorithmFiling & { url: string })[] {
  return useMemo(() => {
    const list = filings === undefined ? [] : Array.isArray(filings) ? (filings as readonly AlgorithmFiling[]) : [filings as AlgorithmFiling];
    if (list.length === 0) {
      throw new RightsDeveloperError(
        `\`${NAME}\` needs \`filings\`: the filing number of each filed algorithm, such as ` +
          `{ number: '网信算备110108823483902230019号' }. ALG 26 requires it to be shown and linked.`,
      );
    }
    for (const filing of list) {
      assertFilingNumber(filing.number, NAME);
      if (filing.url !== undefined) {
        assertSafeHref(filing.url, NAME, 'filings[].url');
      }
    }
    return list.map((filing) => ({ ...filing, url: filing.url ?? FILING_RECORD_URL }));
  }, [filings]);
}
