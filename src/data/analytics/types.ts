/** The analytics port: the aggregations that reports need, computed in the database. */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface AnalyticsPort {}
