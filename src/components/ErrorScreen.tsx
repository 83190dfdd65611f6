import { formatIssue, type DatasetIssue } from '../domain/validate';
import './components.css';

interface ErrorScreenProps {
  title: string;
  issues: DatasetIssue[];
  onRetry(): void;
}

/** Shown instead of the app when the dataset cannot be loaded or is invalid. */
export function ErrorScreen({ title, issues, onRetry }: ErrorScreenProps) {
  return (
    <main className="error-screen" id="main">
      <h1>{title}</h1>
      <p>
        Parley could not show this dataset. {issues.length === 1 ? 'The problem found is' : `The ${issues.length} problems found are`} listed below;
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
