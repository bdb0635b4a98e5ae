/** The import port: loading one file of one kind into the store. (Filled in by the import pipeline.) */

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ImportPort {}
