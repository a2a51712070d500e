import { RightsDeveloperError } from './errors.js';

/**
 * An algorithm filing number (备案编号, ALG 24 and 26): `网信算备`, then 21
 * digits (a 6-digit region code, a 9-digit filer code, a 2-digit year and a
 * 4-digit serial), then `号`. Example: 网信算备110108823483902230019号.
 */
export const FILING_NUMBER_PATTERN = /^网信算备\d{21}号$/;

/** The public search of algorithm filings, where a number's record is published. */
export const FILING_RECORD_URL = 'https://beian.cac.gov.cn/#/index';

/** One filed algorithm. */
export interface AlgorithmFiling {
  /** The filing number, such as `网信算备110108823483902230019号`. */
  number: string;
  /** The algorithm's name as filed, such as "个性化推荐算法". */
  name?: string;
  /** The address of its public record (公示信息). Default: {@link FILING_RECORD_URL}. */
  url?: string;
}

/** Throws a developer error naming the expected form when a filing number is malformed. */
export function assertFilingNumber(number: unknown, consumerName: string): asserts number is string {
  if (typeof number === 'string' && FILING_NUMBER_PATTERN.test(number)) {
    return;
  }
  const shown = typeof number === 'string' ? `"${number}"` : String(number);
  const hint =
    typeof number === 'string' && /[０-９]/.test(number)
      ? ' It contains full-width digits; use ASCII digits 0–9.'
      : typeof number === 'string' && /\s/.test(number)
        ? ' It contains spaces; remove them.'
        : '';
  throw new RightsDeveloperError(
    `\`${consumerName}\` got a malformed filing number ${shown}. A filing number is "网信算备" + 21 digits + "号", ` +
      `for example "网信算备110108823483902230019号" (ALG 26).${hint}`,
  );
}
