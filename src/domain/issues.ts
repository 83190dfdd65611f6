/**
 * Dataset problems as the page shows them. Kept apart from validate.ts, which builds the zod schemas: the page only
 * formats issues (the loading worker validates), and evaluating the schemas was 25-70 ms of the start-up task.
 */

/** One problem, located: `meetings[4].participants[1].actorId: unknown actor "mekdad2"`. */
export interface DatasetIssue {
  path: string;
  message: string;
}

export function formatIssue(issue: DatasetIssue): string {
  return issue.path ? `${issue.path}: ${issue.message}` : issue.message;
}

/** "The problem found is" / "The 3 problems found are" / "The first 200 of 200,000 problems found are". */
export function issueCountText(shown: number, total: number, noun = 'problem'): string {
  if (total <= 1) return `The ${noun} found is`;
  if (shown >= total) return `The ${total.toLocaleString('en')} ${noun}s found are`;
  return `The first ${shown.toLocaleString('en')} of ${total.toLocaleString('en')} ${noun}s found are`;
}
