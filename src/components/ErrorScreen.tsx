import { formatIssue, issueCountText, type DatasetIssue } from '../domain/issues';
import './components.css';

interface ErrorScreenProps {
  title: string;
  issues: DatasetIssue[];
  /** All problems found, when `issues` lists only the first. */
  total?: number;
  /** Only for a dataset named by a link: a file from the user's computer is never fetched again. */
  onRetry?: () => void;
  onOpenBundled(): void;
}

/** Shown instead of the app only when the first dataset cannot be loaded; later failures keep the dataset on screen. */
export function ErrorScreen({ title, issues, total = issues.length, onRetry, onOpenBundled }: ErrorScreenProps) {
  return (
    <main className="error-screen" id="main">
      <h1>{title}</h1>
      <p>
        Parley could not show this dataset. {issueCountText(issues.length, Math.max(total, issues.length))} listed below;
        fix the file (or the link that names it){onRetry ? ' and retry' : ''}, or open the bundled dataset.
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
      <div className="error-actions">
        {onRetry && (
          <button type="button" className="primary" onClick={onRetry}>
            Retry
          </button>
        )}
        <button type="button" className={onRetry ? undefined : 'primary'} onClick={onOpenBundled}>
          Open the bundled dataset
        </button>
      </div>
    </main>
  );
}
