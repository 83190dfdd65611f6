import type { MeetingType } from './schema';

/** How each contact type reads in the UI (detail panel, table, timeline tooltips). */
export const MEETING_TYPE_LABELS: Readonly<Record<MeetingType, string>> = {
  meeting: 'Meeting',
  'phone-call': 'Phone call',
  visit: 'Visit',
  reception: 'Reception',
  'video-call': 'Video call',
  letter: 'Letter',
};

export const meetingTypeLabel = (type: MeetingType): string => MEETING_TYPE_LABELS[type];
