// Imported first by index.ts: loggers read LOG_LEVEL when their modules load, before index's body runs.
process.env.LOG_LEVEL ??= "warn";
