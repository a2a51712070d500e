import { describe, expect, test } from 'vitest';
import { RightsDeveloperError } from '../errors.js';
import { choice, createHarness } from '../../../test-support/engine-harness.js';
import type { WriteRequestOf } from './write-engine.js';

describe('write requests name a real adapter method', () => {
  test('a misspelt method is a developer error that names the fix, at once and before anything applies', () => {
    const world = createHarness();
    let applied = false;
    const untyped = { ...choice('off'), method: 'sav', apply: () => void (applied = true) } as unknown as WriteRequestOf<'choice'>;
    expect(() => world.engine.write(untyped)).toThrow(RightsDeveloperError);
    expect(() => world.engine.write(untyped)).toThrow(/adapters\.preferences\.sav, which the store does not have\. Name one of its methods: save\./);
    expect(applied).toBe(false);
    expect(world.pending()).toEqual([]);
  });

  test('an adapter the store does not have is a developer error too', () => {
    const world = createHarness();
    const untyped = { ...choice('off'), adapter: 'preference' } as unknown as WriteRequestOf<'choice'>;
    expect(() => world.engine.write(untyped)).toThrow(/adapters\.preference\.save, which the store does not have\. Name one of the store's adapters/);
  });

  test('from typed code, a method the adapter does not have, or one that does not write, does not compile', () => {
    const world = createHarness();
    const typed = (request: WriteRequestOf<'choice'>) => () => world.engine.write(request);
    // @ts-expect-error `sav` is not a method of the preferences adapter.
    expect(typed({ ...choice('off'), method: 'sav' })).toThrow(RightsDeveloperError);
    // @ts-expect-error `load` reads; a write request names a method that takes the write options.
    expect(typed({ ...choice('off'), method: 'load' })).toThrow(RightsDeveloperError);
  });
});
