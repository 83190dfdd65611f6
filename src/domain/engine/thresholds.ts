/**
 * Where the views' per-step questions are answered (issue #11). From this many meetings a query worker holding a
 * copy of the dataset's columns (and, once the load worker has built them, its search texts) answers them, so a
 * step's cost on the page follows what changes on screen; below it the page's own engine answers at once.
 */
export const QUERY_WORKER_MIN_MEETINGS = 5000;

/**
 * From how many meetings a JSON dataset's meetings reach the page as the file's bytes, read when needed, instead of as
 * records before the first render: the datasets whose filters, counts and graphs the query worker answers, so the
 * page reads only the meetings it shows.
 */
export const LAZY_RECORDS_MIN_MEETINGS = QUERY_WORKER_MIN_MEETINGS;
