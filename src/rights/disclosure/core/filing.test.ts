import { describe, expect, test } from 'vitest';
import { RightsDeveloperError } from '../../../kernel/core/errors.js';
import { assertFilingNumber, assertGenerativeAiFiling } from './filing.js';

describe('assertFilingNumber', () => {
  test.each(['网信算备110108823483902230019号', '网信算备440305185718601220013号'])('accepts %s', (number) => {
    expect(() => assertFilingNumber(number, 'AlgorithmDisclosure')).not.toThrow();
  });

  test.each([
    ['no prefix', '110108823483902230019号'],
    ['no suffix', '网信算备110108823483902230019'],
    ['too few digits', '网信算备11010882348390223号'],
    ['too many digits', '网信算备1101088234839022300190号'],
    ['a letter', '网信算备11010882348390223001X号'],
    ['empty', ''],
  ])('rejects %s, naming the expected form and the component', (_, number) => {
    expect(() => assertFilingNumber(number, 'AlgorithmDisclosure')).toThrowError(RightsDeveloperError);
    expect(() => assertFilingNumber(number, 'AlgorithmDisclosure')).toThrowError(
      /`AlgorithmDisclosure` got a malformed filing number.*"网信算备" \+ 21 digits \+ "号"/,
    );
  });

  test('says what is wrong with full-width digits and spaces', () => {
    expect(() => assertFilingNumber('网信算备１１０１０８８２３４８３９０２２３００１９号', 'X')).toThrowError(/full-width digits/);
    expect(() => assertFilingNumber('网信算备 110108823483902230019号', 'X')).toThrowError(/spaces/);
    expect(() => assertFilingNumber(undefined, 'X')).toThrowError(/malformed filing number undefined/);
  });

  test('a malformed number points to the filing status for a provider still in its filing period', () => {
    expect(() => assertFilingNumber('', 'AlgorithmDisclosure')).toThrowError(/filingStatus="in-progress"/);
  });
});

describe('assertGenerativeAiFiling', () => {
  // These numbers have no single published format: anything issued is accepted, on one line.
  test.each([
    { model: '写作助手大模型', number: 'Beijing-XieZuo-20240101' },
    { model: 'Writer 2', number: '110108-0001', kind: 'registered' as const },
    { model: '模型', number: '网信算备110108823483902230019号' },
  ])('accepts %o', (filing) => {
    expect(() => assertGenerativeAiFiling(filing, 'AlgorithmDisclosure')).not.toThrow();
  });

  test.each([
    ['no model', { number: 'Beijing-1' }, /needs `generativeAi\[\]\.model` on one line, not undefined: the model's name and its 备案号 or 上线编号/],
    ['a blank model', { model: '  ', number: 'Beijing-1' }, /needs `generativeAi\[\]\.model`/],
    ['no number', { model: 'm' }, /needs `generativeAi\[\]\.number`/],
    ['an empty number', { model: 'm', number: '' }, /needs `generativeAi\[\]\.number` on one line, not ""/],
    ['a number on two lines', { model: 'm', number: 'Beijing-1\n2' }, /needs `generativeAi\[\]\.number` on one line/],
    ['an unknown kind', { model: 'm', number: 'n', kind: 'approved' }, /Use "filed" for a 备案号 or "registered" for a 上线编号/],
    ['not an object', 'Beijing-1', /needs `generativeAi\[\]\.model`/],
  ])('rejects %s, naming the fix', (_, filing, message) => {
    expect(() => assertGenerativeAiFiling(filing, 'AlgorithmDisclosure')).toThrowError(RightsDeveloperError);
    expect(() => assertGenerativeAiFiling(filing, 'AlgorithmDisclosure')).toThrowError(message);
  });
});
