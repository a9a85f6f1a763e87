export const docsShortfalls = "(filled in after the run)";
