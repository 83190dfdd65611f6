import { PALETTE } from '../../viz/palette';

/** Grey is kept for the communities beyond the palette, so it is not handed to a numbered one. */
const GREY = '#7F7F7F';
const COLORS = PALETTE.filter((c) => c !== GREY);
/** Communities 1..COLORED_COMMUNITIES get their own colour; smaller ones share grey (their legend says so). */
export const COLORED_COMMUNITIES = COLORS.length;

export const communityColor = (community: number): string => COLORS[community] ?? GREY;
export const OTHER_COMMUNITY_COLOR = GREY;
