/** What limits each short figure, as found in the run recorded in docs/benchmarks.md (edit after a run, then `npm run bench -- --render`). */
export const docsShortfalls = `- **API p99 (target ≤ 25 ms, measured ~200 ms).** The bare \`node:http\` baseline misses it by 5× too (129 ms):
  the load generator, the server, the WebSocket relay and Postgres share 2 cores. With 32 requests in flight at
  ~260 req/s, Little's law puts the mean wait near 120 ms whatever the code does; p99 ≤ 25 ms at 32 clients needs
  well over 1,300 req/s, three times what the bare server does here. What the console adds per request is now small:
  one SQL statement per list request (the API-token check is served from a 5 s per-process cache of verified tokens,
  cleared by any mutation in the process; \`lastUsedAt\` written at most once a minute), and one client at a time
  costs 7.7 ms (console) vs 5.2 ms (bare) — Next's routing, the guard, zod and JSON. Throughput is 64% of bare
  (target ≥ 50%; 42% before the token cache and with Next's gzip on — compression is now the TLS proxy's job,
  \`HTTP_COMPRESSION\`).
- **Sweep wall time vs ideal (target ≤ 1.3×, measured 2.1× at 1,000 sessions; 5.2× before this round).** A check
  now costs two SQL statements (claim with the session and its flood waits; outcome, event and lease release in one)
  instead of ten, and the monitor's CPU per 1,000 checks fell from 10.7 s to 4.2 s. What is left: (1) the ideal
  counts the 3 RPC requests of a check, but every fresh connection pays a 4th round trip — GramJS's StringSession
  keeps no server salt, so the first message is answered with \`bad_server_salt\` and resent — so the floor is 4/3 of
  this ideal (1.33×) before any CPU; (2) the monitor needs 4.2 s of one core for 1,000 checks (GramJS's AES-IGE and
  message framing in JavaScript ~16%, socket writes ~14%, drizzle 4%, the Neon driver 3%), more than the 3.75 s
  ideal, on a machine whose other core runs the sandbox DC (the server side of the same crypto) and Postgres.
  Doubling the pool (10 → 20 connections) made no consistent difference. Reaching 1.3× would need the salt kept
  across connections (a GramJS change) and the MTProto crypto off the monitor's thread.`;
