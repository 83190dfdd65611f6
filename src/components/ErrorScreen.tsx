import { formatIssue, issueCountText, type DatasetIssue } from '../domain/validate';
import './components.css';

interface ErrorScreenProps {
  title: string;
  issues: DatasetIssue[];
  /** All problems found, when `issues` lists only the first. */
  total?: number;
  onRetry(): void;
}

/** Shown instead of the app when the dataset cannot be loaded or is invalid. */
export function ErrorScreen({ title, issues, total = issues.length, onRetry }: ErrorScreenProps) {
  return (
    <main className="error-screen" id="main">
      <h1>{title}</h1>
      <p>
        Parley could not show this dataset. {issueCountText(issues.length, Math.max(total, issues.length))} listed below;
        fix the file (or the link that names it) and retry.
      </p>
      {issues.length > 0 && (
        <ul className="error-issues" aria-label="Problems found">
          {issues.map((issue, i) => (
            <li key={i}>
              <code>{formatIssue(issue)}</code>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="primary" onClick={onRetry}>
        Retry
      </button>
    </main>
  );
}
