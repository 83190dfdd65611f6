import { useStore } from '../state/store';
import './components.css';

/** Transient messages; errors and warnings interrupt (alert), information waits its turn (status). */
export function Notices() {
  const notices = useStore((s) => s.notices);
  const dismiss = useStore((s) => s.dismissNotice);
  if (!notices.length) return null;
  return (
    <ul className="notices" aria-label="Notices">
      {notices.map((n) => (
        <li key={n.id} className={`notice notice-${n.tone}`}>
          <span role={n.tone === 'info' ? 'status' : 'alert'}>
            <strong className="notice-tone">{n.tone === 'info' ? 'Note:' : n.tone === 'warning' ? 'Warning:' : 'Error:'}</strong> {n.text}
          </span>
          <button type="button" onClick={() => dismiss(n.id)}>
            Dismiss notice
          </button>
        </li>
      ))}
    </ul>
  );
}
