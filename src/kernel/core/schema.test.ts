import * as v from 'valibot';
import { expect, test } from 'vitest';
import { issuePath } from './schema.js';

const schema = v.object({ tickets: v.array(v.object({ status: v.picklist(['open', 'closed']) })) });

test('names the first bad field by its dotted path, with the schema message', () => {
  const result = v.safeParse(schema, { tickets: [{ status: 'open' }, { status: 'lost' }] });
  expect(result.success).toBe(false);
  expect(issuePath(result.issues ?? [])).toMatch(/^tickets\.1\.status: \S/);
});

test('says (root) when the value itself has the wrong shape', () => {
  const result = v.safeParse(schema, 'not an object');
  expect(issuePath(result.issues ?? [])).toMatch(/^\(root\): \S/);
});
