/**
 * Rules for ids and codes, without zod: the page checks deep-link values with them at start-up, and importing the
 * schemas (schema.ts) for that built every zod schema in the start-up task. schema.ts uses the same patterns.
 */

/** A record id: a lowercase slug. */
export const SLUG = /^[a-z0-9][a-z0-9-]*$/;
/** A country's ISO 3166-1 alpha-3 code, or an organization's code. */
export const COUNTRY_CODE = /^([A-Z]{3}|[A-Z][A-Z0-9-]{1,15})$/;
/** The participant role of an accompanying delegation (a `group` actor). */
export const DELEGATION_ROLE = 'delegation';
