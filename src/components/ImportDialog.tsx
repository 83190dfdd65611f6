import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { MEETINGS_SHEET, type Mapping, type SheetRole } from '../domain/import/layouts';
import { readMeetingsSheet } from '../domain/import/meetingsSheet';
import { importSummary, type Imported, type NeedsMapping } from '../domain/import/pipeline';
import { formatProblem, skippedRows, type ImportProblem } from '../domain/import/problems';
import { acceptImport, cancelReview, importWithMapping } from '../state/importDataset';
import type { ImportReview } from '../state/slices/importSlice';
import './import.css';

/** The live count reads at most this many rows per change, so choosing a column stays instant on huge files. */
const COUNT_LIMIT = 20_000;
const PREVIEW_ROWS = 5;
const LISTED_PROBLEMS = 100;

/** Modal dialog for an import that needs the user: unrecognised columns to map, or rows that could not be read. */
export default function ImportDialog({ review }: { review: ImportReview }) {
  const titleId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const close = cancelReview;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    dialogRef.current?.querySelector<HTMLElement>('select, button')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && close();
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus?.();
    };
  }, []);

  return (
    <div className="import-dialog-backdrop">
      <div className="import-dialog" role="dialog" aria-modal="true" aria-labelledby={titleId} ref={dialogRef} onKeyDown={(e) => trapFocus(e, dialogRef.current)}>
        {review.kind === 'mapping' ? (
          <MappingStep titleId={titleId} needs={review.needs} onCancel={close} onImport={(m) => void importWithMapping(review.needs, m, review.url, review.origin, review.size)} />
        ) : (
          <ProblemsStep titleId={titleId} result={review.result} name={review.name} onCancel={close} onLoad={() => void acceptImport(review.result, review.name, review.url, review.origin, review.size)} />
        )}
      </div>
    </div>
  );
}

function trapFocus(e: React.KeyboardEvent, root: HTMLElement | null) {
  if (e.key !== 'Tab' || !root) return;
  const items = [...root.querySelectorAll<HTMLElement>('button, select, [tabindex="0"]')].filter((el) => !el.hasAttribute('disabled'));
  if (!items.length) return;
  const first = items[0]!;
  const last = items[items.length - 1]!;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

function ProblemsStep({ titleId, result, name, onCancel, onLoad }: { titleId: string; result: Imported; name: string; onCancel(): void; onLoad(): void }) {
  return (
    <>
      <h2 id={titleId}>
        Some rows of <bdi>{name}</bdi> cannot be read
      </h2>
      <p>
        {result.format}: {importSummary(result)}.
      </p>
      <ProblemTable problems={result.problems} />
      <div className="import-dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" onClick={onLoad}>
          Load the other {result.meetings.toLocaleString('en')} meetings
        </button>
      </div>
    </>
  );
}

function ProblemTable({ problems }: { problems: readonly ImportProblem[] }) {
  if (!problems.length) return null;
  return (
    <table aria-label="Rows that will not load">
      <thead>
        <tr>
          <th scope="col">Row</th>
          <th scope="col">Column</th>
          <th scope="col">Value</th>
          <th scope="col">Problem</th>
        </tr>
      </thead>
      <tbody>
        {problems.slice(0, LISTED_PROBLEMS).map((p, i) => (
          <tr key={i}>
            <td>{p.row > 0 ? p.row : '—'}</td>
            <td>
              <bdi>{p.column}</bdi>
            </td>
            <td>
              <bdi>{p.value}</bdi>
            </td>
            <td>{p.message}</td>
          </tr>
        ))}
        {problems.length > LISTED_PROBLEMS && (
          <tr>
            <td colSpan={4}>and {(problems.length - LISTED_PROBLEMS).toLocaleString('en')} more (the first is {formatProblem(problems[LISTED_PROBLEMS]!)})</td>
          </tr>
        )}
      </tbody>
    </table>
  );
}

function MappingStep({ titleId, needs, onCancel, onImport }: { titleId: string; needs: NeedsMapping; onCancel(): void; onImport(m: Mapping<SheetRole>): void }) {
  const [mapping, setMapping] = useState<Mapping<SheetRole>>(needs.guess.mapping);
  const { header, rows } = needs.table;
  const ready = mapping.date !== undefined && mapping.participants !== undefined;
  const counted = rows.length > COUNT_LIMIT;
  const trial = useMemo(() => {
    if (!ready) return null;
    return readMeetingsSheet({ ...needs.table, rows: counted ? rows.slice(0, COUNT_LIMIT) : rows }, mapping, needs.fileName);
  }, [mapping, ready, needs, rows, counted]);
  const preview = useMemo(() => (ready ? readMeetingsSheet({ ...needs.table, rows: rows.slice(0, PREVIEW_ROWS) }, mapping, needs.fileName) : null), [mapping, ready, needs, rows]);
  const skipped = trial ? skippedRows(trial.problems) : 0;
  const actorName = new Map(preview?.dataset.actors.map((a) => [a.id, a.name]));
  const used = new Set(Object.values(mapping));

  return (
    <>
      <h2 id={titleId}>
        Which column is which in <bdi>{needs.fileName}</bdi>?
      </h2>
      <p>
        Parley did not recognise these columns ({header.map((h) => h || '(unnamed)').join(', ')}). Choose a column for each role; the date and
        the participants are needed. Columns not chosen are ignored{used.size < header.length ? `: ${header.filter((_, i) => !used.has(i)).join(', ') || '(unnamed)'}` : ''}.
      </p>
      <div className="import-mapping">
        {MEETINGS_SHEET.map((spec) => (
          <label key={spec.role}>
            <span>
              {spec.label}
              {spec.required ? ' (needed)' : ''}
            </span>
            <select
              value={mapping[spec.role] ?? ''}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setMapping((m) => {
                  const next = { ...m };
                  if (value === '') delete next[spec.role];
                  else next[spec.role] = Number(value);
                  return next;
                });
              }}
            >
              <option value="">— not imported —</option>
              {header.map((h, i) => (
                <option key={i} value={i}>
                  {h || `(column ${i + 1})`}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      <p role="status" aria-live="polite">
        {trial
          ? `${(trial.rows - skipped).toLocaleString('en')} rows will load and ${skipped.toLocaleString('en')} will not${counted ? ` (of the first ${COUNT_LIMIT.toLocaleString('en')} rows)` : ''}; they become ${trial.meetings.toLocaleString('en')} meetings.`
          : 'Choose the date and participants columns to see what will load.'}
      </p>
      {preview && preview.dataset.meetings.length > 0 && (
        <table aria-label="Preview of the first meetings">
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Type</th>
              <th scope="col">Participants</th>
              <th scope="col">Location</th>
              <th scope="col">Summary</th>
            </tr>
          </thead>
          <tbody>
            {preview.dataset.meetings.map((m) => (
              <tr key={m.id}>
                <td>{m.date}</td>
                <td>
                  {m.type} ({m.cameo})
                </td>
                <td>
                  <bdi>{m.participants.map((p) => actorName.get(p.actorId) ?? p.actorId).join('; ')}</bdi>
                </td>
                <td>
                  <bdi>{m.location ?? ''}</bdi>
                </td>
                <td>
                  <bdi>{m.summary}</bdi>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {trial && <ProblemTable problems={trial.problems} />}
      <div className="import-dialog-actions">
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="primary" disabled={!trial || trial.meetings === 0} onClick={() => onImport(mapping)}>
          Import {trial ? `${trial.meetings.toLocaleString('en')} meetings` : ''}
        </button>
      </div>
    </>
  );
}
