import * as v from 'valibot';

/**
 * Where a schema failed, as a dotted path and the schema's message, for the developer-facing text of a
 * `storage-invalid` or `<right>-invalid` error: `tickets.0.status: Invalid type…`, or `(root): …` when the
 * value itself is wrong. Every right's parser names the bad field through this one helper.
 */
export function issuePath(issues: readonly v.BaseIssue<unknown>[]): string {
  const issue = issues[0];
  return `${issue ? (v.getDotPath(issue) ?? '(root)') : '(root)'}: ${issue?.message ?? ''}`;
}
