import { countByTopic } from '../../domain/facetCounts';
import type { DatasetIndex } from '../../domain/indexes';
import { useStore } from '../../state/store';

/**
 * Topics of the given meetings with counts, most frequent first. Each is a toggle of the topic
 * filter, which narrows the meetings, and so the network's links, to that topic.
 */
export function TopicCounts({ index, positions, label }: { index: DatasetIndex; positions: Int32Array; label: string }) {
  const topics = useStore((s) => s.filters.topics);
  const toggle = useStore((s) => s.toggleFilterValue);
  const counts = [...countByTopic(index, positions)].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  if (!counts.length) return <p className="muted">No topics recorded.</p>;
  return (
    <>
      <p className="analysis-definition">Choose a topic to filter the meetings, and the network’s links, to it.</p>
      <ul className="topic-counts" aria-label={label}>
        {counts.map(([id, n]) => {
          const name = index.topicById.get(id)?.label ?? id;
          return (
            <li key={id}>
              <button type="button" className="link-button" aria-pressed={topics.includes(id)} onClick={() => toggle('topics', id)}>
                {name}: {n}
              </button>
            </li>
          );
        })}
      </ul>
    </>
  );
}
