/**
 * Query parameter names of a Parley deep link. This is a public contract: links are shared and
 * cited, so names and value formats only ever gain members, never change meaning.
 */
export const PARAM = {
  actor: 'actor',
  country: 'country',
  topic: 'topic',
  from: 'from',
  to: 'to',
  q: 'q',
  select: 'select',
  window: 'window',
  follow: 'follow',
  view: 'view',
  data: 'data',
  between: 'between',
  size: 'size',
  color: 'color',
  ego: 'ego',
  depth: 'depth',
  lanes: 'lanes',
  play: 'play',
  speed: 'speed',
} as const;

export type ParamName = (typeof PARAM)[keyof typeof PARAM];

/** The order formatView writes parameters in, so equal views give byte-identical links. */
export const CANONICAL_ORDER: readonly ParamName[] = [
  PARAM.data,
  PARAM.actor,
  PARAM.country,
  PARAM.topic,
  PARAM.from,
  PARAM.to,
  PARAM.q,
  PARAM.between,
  PARAM.select,
  PARAM.window,
  PARAM.follow,
  PARAM.lanes,
  PARAM.play,
  PARAM.speed,
  PARAM.view,
  PARAM.size,
  PARAM.color,
  PARAM.ego,
  PARAM.depth,
];

export const KNOWN_PARAMS: ReadonlySet<string> = new Set(CANONICAL_ORDER);

/** Separators inside values: `actor=a,b`, `select=edge:a~b`, `window=2020-01-01..2020-12-31`. */
export const LIST_SEPARATOR = ',';
export const EDGE_SEPARATOR = '~';
export const RANGE_SEPARATOR = '..';

/** Links longer than this are cut (whole parameters only); it keeps parsing cheap and links pasteable. */
export const MAX_QUERY_LENGTH = 4000;
/** Any single decoded value longer than this is ignored. */
export const MAX_VALUE_LENGTH = 500;
