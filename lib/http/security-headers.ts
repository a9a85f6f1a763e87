type Header = { key: string; value: string };

/**
 * The Content-Security-Policy. Scripts run only from this origin, and inline only with this response's nonce;
 * 'strict-dynamic' lets a script carrying it load the framework's chunks. Without a nonce (route handlers,
 * static files) no inline script runs at all. Development adds 'unsafe-eval' for React's dev tools.
 */
export function contentSecurityPolicy(production: boolean, nonce?: string): string {
  const scriptSrc = [
    "'self'",
    ...(nonce ? [`'nonce-${nonce}'`, "'strict-dynamic'"] : []),
    ...(production ? [] : ["'unsafe-eval'"]),
  ].join(" ");
  return [
    "default-src 'self'",
    `script-src ${scriptSrc}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** A fresh nonce for one page response: 128 random bits, base64. */
export function newCspNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}

/**
 * Headers sent with every response; next.config applies them to all routes, 404 and 500 included. Pages get
 * their own nonce-bearing policy from proxy.ts, which replaces this one's.
 */
export function securityHeaders(production: boolean): Header[] {
  return [
    { key: "Content-Security-Policy", value: contentSecurityPolicy(production) },
    { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
    { key: "X-Content-Type-Options", value: "nosniff" },
    { key: "X-Frame-Options", value: "DENY" },
    { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
    { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
  ];
}
