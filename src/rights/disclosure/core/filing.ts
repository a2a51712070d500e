import { RightsDeveloperError } from '../../../kernel/core/errors.js';

/**
 * An algorithm filing number (备案编号, ALG 24 and 26): `网信算备`, then 21
 * digits (a 6-digit region code, a 9-digit filer code, a 2-digit year and a
 * 4-digit serial), then `号`. Example: 网信算备110108823483902230019号.
 */
export const FILING_NUMBER_PATTERN = /^网信算备\d{21}号$/;

/**
 * The public search of the national algorithm filing system
 * (互联网信息服务算法备案系统, ALG 24), where the record of every issued
 * number is published (ALG 25). The default record link of a filing.
 */
export const FILING_RECORD_URL = 'https://beian.cac.gov.cn/#/index';

/**
 * Where the provider's algorithm filing stands:
 * - `filed`: numbers are issued; each is shown and linked (ALG 26);
 * - `in-progress`: the provider is in its filing period, up to 10 working days
 *   to file (ALG 24) and 30 for the authority to issue a number (ALG 25). The
 *   disclosure (ALG 16) is still shown, saying the filing is in progress.
 */
export type FilingStatus = 'filed' | 'in-progress';

/** One filed algorithm. */
export interface AlgorithmFiling {
  /** The filing number, such as `网信算备110108823483902230019号`. */
  number: string;
  /** The algorithm's name as filed, such as "个性化推荐算法". */
  name?: string;
  /**
   * The address of its public record (公示信息). Default: {@link FILING_RECORD_URL},
   * the national filing system's public search.
   */
  url?: string;
}

/**
 * A generative-AI service's model and its number: the 备案号 of a filed
 * service (生成式人工智能服务备案), or the 上线编号 of an application registered
 * as using a filed model (登记). Shown as "模型名称、备案号或上线编号". These
 * numbers are not in the 网信算备 format and differ by province, so they are
 * only checked to be present.
 */
export interface GenerativeAiFiling {
  /** The model's name as filed or registered, such as "写作助手大模型". */
  model: string;
  /** The number exactly as issued. */
  number: string;
  /** `filed`: a 备案号 (default). `registered`: a 上线编号. */
  kind?: 'filed' | 'registered';
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
      `for example "网信算备110108823483902230019号" (ALG 26).${hint} ` +
      `If your filing is not issued yet, leave \`filings\` out and pass \`filingStatus="in-progress"\` (ALG 24–25).`,
  );
}

// A line break or control character: a pasted number that carries one would render wrongly.
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

/**
 * Throws a developer error naming the fix when a generative-AI filing lacks its
 * model name or number, or spans lines. Checked loosely: these numbers have no
 * single published format.
 */
export function assertGenerativeAiFiling(filing: unknown, consumerName: string): asserts filing is GenerativeAiFiling {
  const { model, number, kind } = (typeof filing === 'object' && filing !== null ? filing : {}) as Record<string, unknown>;
  for (const [field, value] of [
    ['model', model],
    ['number', number],
  ] as const) {
    if (typeof value !== 'string' || value.trim() === '' || CONTROL_CHARACTERS.test(value)) {
      throw new RightsDeveloperError(
        `\`${consumerName}\` needs \`generativeAi[].${field}\` on one line, not ${JSON.stringify(value)}: the model's name and its ` +
          `备案号 or 上线编号 exactly as published, such as { model: '写作助手大模型', number: '<as published>' }.`,
      );
    }
  }
  if (kind !== undefined && kind !== 'filed' && kind !== 'registered') {
    throw new RightsDeveloperError(
      `\`${consumerName}\` got \`generativeAi[].kind\` ${JSON.stringify(kind)}. Use "filed" for a 备案号 or "registered" for a 上线编号.`,
    );
  }
}
