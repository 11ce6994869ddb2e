// Imported first by main.ts: Powertools reads these when the handlers' modules load, and the
// local runtime prints its own one-line summaries instead (set them to see the JSON logs).
process.env.POWERTOOLS_LOG_LEVEL ??= 'WARN';
process.env.POWERTOOLS_METRICS_DISABLED ??= 'true';
process.env.POWERTOOLS_TRACE_ENABLED ??= 'false';
