import { useStore } from '../state/store';
import { CountStatus } from './CountStatus';
import { ShareButton } from './ShareButton';
import { DatasetPicker } from './DatasetPicker';
import { ExportMenu } from './ExportMenu';
import { DatasetsMenu } from './DatasetsMenu';
import { KeyboardHelp } from './KeyboardHelp';
import './components.css';

const MODES = [
  { mode: 'charts', label: 'Charts' },
  { mode: 'table', label: 'Table' },
] as const;

export function AppHeader() {
  const title = useStore((s) => (s.data.state === 'ready' ? s.data.index.dataset.title : ''));
  const mode = useStore((s) => s.mode);
  const setMode = useStore((s) => s.setMode);
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        Skip to main content
      </a>
      <div className="app-title">
        <h1 className="product-name">Parley</h1>
        {title && <p className="dataset-title">{title}</p>}
      </div>
      <CountStatus />
      <div className="header-actions">
        <div className="mode-toggle" role="group" aria-label="View mode">
          {MODES.map((m) => (
            <button key={m.mode} type="button" aria-pressed={mode === m.mode} onClick={() => mode !== m.mode && setMode(m.mode)}>
              {m.label}
            </button>
          ))}
        </div>
        <ShareButton />
        <ExportMenu />
        <DatasetsMenu />
        <DatasetPicker />
        <KeyboardHelp />
      </div>
    </header>
  );
}
