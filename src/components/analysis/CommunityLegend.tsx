import type { ActorGraph } from '../../domain/graph';
import type { DatasetIndex } from '../../domain/indexes';
import { useCommunities } from '../../state/analysis/useAnalysis';
import { COLORED_COMMUNITIES, communityColor, OTHER_COMMUNITY_COLOR } from './communityPalette';

const MEMBERS_SHOWN = 3;

/** Communities with their largest members (by meetings): the text says what the colours mean. */
export function CommunityLegend({ graph, index }: { graph: ActorGraph; index: DatasetIndex }) {
  const communities = useCommunities(graph, true);
  if (!communities) return <p className="muted" role="status">Finding communities…</p>;
  const members: { id: string; count: number }[][] = Array.from({ length: communities.count }, () => []);
  graph.nodes.forEach((n, i) => members[communities.of[i]!]!.push(n));
  const nameOf = (id: string) => index.actors[index.actorPos.get(id) ?? -1]?.name ?? id;
  const shown = members.slice(0, COLORED_COMMUNITIES);
  const others = members.slice(COLORED_COMMUNITIES);
  return (
    <div className="community-legend">
      <p className="analysis-definition">
        Colour: Louvain communities (links weighted by shared meetings, fixed seed), largest first; modularity {communities.modularity.toFixed(2)}.
      </p>
      <ul className="network-legend" aria-label="Communities">
        {shown.map((list, c) => (
          <li key={c}>
            <span className="network-swatch" style={{ background: communityColor(c) }} aria-hidden="true" />
            Community {c + 1} ({list.length}):{' '}
            {[...list].sort((a, b) => b.count - a.count || (a.id < b.id ? -1 : 1)).slice(0, MEMBERS_SHOWN).map((m) => nameOf(m.id)).join(', ')}
            {list.length > MEMBERS_SHOWN ? ', …' : ''}
          </li>
        ))}
        {others.length > 0 && (
          <li>
            <span className="network-swatch" style={{ background: OTHER_COMMUNITY_COLOR }} aria-hidden="true" />
            {others.length} smaller communities ({others.reduce((s, l) => s + l.length, 0)} actors)
          </li>
        )}
      </ul>
    </div>
  );
}
