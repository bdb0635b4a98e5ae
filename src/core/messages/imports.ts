/** Import problems and warnings (the reasons in the rejects file are still written by the SQL checks). */
export const IMPORT_MESSAGES = {};
