/**
 * Who may get a 2xx from which API route, by role (admin, viewer, public): deny by default. A route found under
 * app/api that is not named here is for admins only, so a new viewer-readable or public route must be added
 * here on purpose.
 */

/** Public by design: liveness for load balancers, and Auth.js (its own CSRF and sign-in checks). */
const publicRoutes = [/^\/api\/healthz$/, /^\/api\/auth\//];

/**
 * Viewers watch the health pages: sessions, their events and the overview; and which alert channels exist and
 * how deliveries went (never a channel's target); and the API's OpenAPI document; reads only.
 */
const viewerReadableRoutes = [
  /^\/api\/v1\/openapi\.json$/,
  /^\/api\/v1\/sessions(\/|$)/,
  /^\/api\/v1\/overview$/,
  /^\/api\/v1\/alerts\/channels$/,
  /^\/api\/v1\/alerts\/deliveries$/,
];

/** Any signed-in member manages their own second factors (reads and changes of their own account). */
const ownAccountRoutes = [/^\/api\/v1\/account\//];

const readMethods = new Set(["GET", "HEAD"]);

export function isPublicRoute(pattern: string): boolean {
  return publicRoutes.some((route) => route.test(pattern));
}

export function isMutation(method: string): boolean {
  return !readMethods.has(method);
}

export function viewerMayCall(pattern: string, method: string): boolean {
  if (ownAccountRoutes.some((route) => route.test(pattern))) return true;
  return !isMutation(method) && viewerReadableRoutes.some((route) => route.test(pattern));
}
