/**
 * The organisations in the partnership: funded voluntary and community organisations (each
 * with a grant that pays its posts) and statutory partners (core funded). Source:
 * `003_2d3a9cdd3abf509d.txt` ("36 different organisations"; "each organisation was required to
 * have at least one partner organisation ... from either the community and voluntary sector or
 * the statutory sector").
 *
 * @module
 */

/** Parameters of the organisations. */
export interface OrganisationParams {
  /** Funded voluntary and community organisations, an integer ≥ 1. @default 36 */
  readonly funded: number;
  /** Statutory partner services (core funded), an integer ≥ 0. @default 5 */
  readonly statutory: number;
  /** Key-worker posts in each statutory partner service, an integer ≥ 1. @default 4 */
  readonly statutoryPostsEach: number;
}

/** Defaults of the organisations. */
export const ORGANISATION_DEFAULTS: OrganisationParams = Object.freeze({
  funded: 36,
  statutory: 5,
  statutoryPostsEach: 4,
});
