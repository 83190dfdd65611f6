import { MEETING_TYPE_LABELS } from '../../domain/meetingTypes';
import type { MeetingType } from '../../domain/schema';
import { TYPE_SYMBOLS } from './toTimelineItems';

const TYPES: MeetingType[] = ['meeting', 'visit', 'reception', 'phone-call', 'video-call', 'letter'];

/** What the timeline's symbols mean, in text beside each symbol (never colour alone). */
export function TimelineLegend() {
  return (
    <div className="tl-legend" role="group" aria-label="Timeline legend">
      <ul>
        {TYPES.map((type) => (
          <li key={type}>
            <span className="tl-legend-symbol" aria-hidden="true">
              {TYPE_SYMBOLS[type] || <span className="tl-legend-dot" />}
            </span>
            {MEETING_TYPE_LABELS[type]}
          </li>
        ))}
        <li>
          <span className="tl-legend-symbol tl-legend-circa" aria-hidden="true">
            c.
            <span className="tl-legend-bracket" />
          </span>
          <span>
            Circa<span className="visually-hidden">: date known to the month or year (“c.” with a bracket or a dashed box over the possible days)</span>
            <span aria-hidden="true"> (month or year)</span>
          </span>
        </li>
        <li>
          <span className="tl-legend-symbol tl-legend-focus" aria-hidden="true" />
          Keyboard focus
        </li>
      </ul>
    </div>
  );
}
