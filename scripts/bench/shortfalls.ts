/** What limits each short figure, as found in the run recorded in docs/benchmarks.md (edit after a run, then `npm run bench -- --render`). */
export const docsShortfalls = `- **API p99 (target ≤ 25 ms) and throughput vs bare (target ≥ 50%).** The bare \`node:http\` baseline misses the
  p99 target by 10× too (255 ms), so the first limit is this 2-core machine (load average 2–10 during the run,
  other engineers' test suites) shared by the load generator, the server, the WebSocket relay and Postgres: with 32
  requests in flight at ~90 req/s, Little's law puts the median wait near 350 ms whatever the code does; p99 ≤ 25 ms
  at 32 clients needs ≥ 1,300 req/s. One client at a time costs 17.2 ms (console) vs 9.9 ms (bare), of which
  Postgres executes the list statement in ~5 ms. The console's extra cost per request is a second SQL round trip
  — the API-token lookup (\`findActiveApiToken\`) runs before the list statement, each through the relay — plus
  Next's routing and auth. The list itself is 1 statement. Fixable outside these paths: a short in-process cache of
  token lookups (bounded revocation delay) would make each API request one round trip.
- **First-load JS of /sessions (target ≤ 150 KB gzip, measured 153.9 KB).** Next 16's and React 19's own chunks
  (\`rootMainFiles\` in the build manifest, excluding the nomodule polyfills Chromium never loads) are ~129 KB gzip
  before any console code; the page's own client code (session list, filters, sorting, TanStack Query) is the
  remaining ~25 KB. Reaching 150 KB means trimming ~4 KB from the list's client components (e.g. rendering the
  filters and table rows as server components, or the live-status poller without TanStack Query).
  Also notable (no target): the table shows ~0.7–1.2 s after navigation although the first byte comes at ~60 ms,
  because the list is fetched by the client after hydration; server-rendering the first page would remove one
  round trip and the wait for the JS.
- **Sweep wall time vs ideal (target ≤ 1.3×, measured 5.2× at 800 sessions; 3.0× at 1,000 in an earlier run at
  lower load).** Only 800 of 1,000 sessions seeded within the 120 s budget in the recorded run (real logins, 8 at a
  time). The ideal counts only the 20 ms network delay (800 × 3 requests × 20 ms ÷ 16 = 3.0 s). The monitor process
  alone spends 10.7 s of CPU per 1,000 checks (8.6 s for this sweep: GramJS's MTProto encryption in JavaScript, the
  vault decryption, the per-check SQL through the WebSocket driver), more than the ideal wall time: one Node thread is
  CPU-bound, on a 2-core machine also running the sandbox DC (the server side of every request's crypto) and
  Postgres. The rest of the wall time is likely waiting for database connections (the pool holds 10, the monitor runs
  16 checks at once, each several statements) — not verified. A CPU profile of one monitor sweep over 300 sessions
  (\`BENCH_CPU_PROFILE=/tmp/monitor BENCH_SWEEP_SESSIONS=300 npm run bench -- --only sweep\` writes one
  \`.cpuprofile\` per monitor process) splits the monitor's samples roughly: database path ~29% (drizzle-orm result
  mapping 11%, the in-process WebSocket relay's socket writes 8% — \`db/relay.ts\`, absent with Neon itself —,
  @neondatabase/serverless 7%, ws 3%), GramJS ~26% (telegram 12%, big-integer 7.5%, its socket writes 7%), garbage
  collection 4%, idle 10%. So the sweep is bound by per-check CPU on both sides of the monitor, not by the 20 ms
  delay; fewer statements per check (claim, lease, flood-wait read, outcome, last-used are separate today) and
  reusing connections across sweeps are the levers, with a run at \`HEALTH_MONITOR_CONCURRENCY\` ≤ the pool size to
  test the pool hypothesis.
- **Login step 1, phone → code sent (target ≤ 30 ms, measured ~99 ms of console CPU).** The step creates a fresh
  auth key: GramJS's key exchange (pq factorisation, RSA, 2048-bit Diffie–Hellman in JavaScript bigints) runs in the
  console. Measured on its own (a GramJS connect with an empty session against the sandbox, 20 runs, same machine)
  it costs 100–140 ms of CPU, i.e. all of the step; the console's own work (validation, encryption, the flow row) is
  within the target, as steps 2 and 3 show. Telegram requires the fresh key, so this is the floor unless the key
  exchange moves to native code (e.g. a worker with node:crypto's DH).`;
