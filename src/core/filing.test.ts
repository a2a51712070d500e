import { describe, expect, test } from 'vitest';
import { RightsDeveloperError } from './errors.js';
import { assertFilingNumber } from './filing.js';

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
});
