// Security headers on every page and route handler, with a fresh CSP nonce per request
// (docs/decisions/0009). Next.js reads the nonce from the Content-Security-Policy request header
// set here and puts it on its own scripts, so pages must render per request (they all do).
// This is defence in depth only: authorization stays in the data layer, never in the proxy.
import { NextResponse, type NextRequest } from "next/server";

function contentSecurityPolicy(nonce: string, options: { isDev: boolean; isHttps: boolean }): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by a nonced script are trusted, and host sources
    // ('self' included) are ignored by browsers that understand it. React's development tooling
    // needs eval; production never does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.isDev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes (Recharts' SVG, React's style props) cannot carry a nonce; a
    // nonce here would make browsers ignore 'unsafe-inline'. Styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    // Only behind HTTPS: over plain http (local use, the tests) it would break every asset.
    ...(options.isHttps ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

export function proxy(request: NextRequest): NextResponse {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const isDev = process.env.NODE_ENV === "development";
  const isHttps = process.env.BETTER_AUTH_URL?.startsWith("https://") ?? false;
  const csp = contentSecurityPolicy(nonce, { isDev, isHttps });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });

  response.headers.set("Content-Security-Policy", csp);
  response.headers.set("X-Content-Type-Options", "nosniff");
  response.headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
  response.headers.set("X-Frame-Options", "DENY");
  response.headers.set("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
  // HSTS pins the host to HTTPS for two years: only when production is really served over it.
  if (process.env.NODE_ENV === "production" && isHttps) {
    response.headers.set("Strict-Transport-Security", "max-age=63072000; includeSubDomains");
  }
  return response;
}

export const config = {
  matcher: [
    {
      // Everything but build assets, image optimisation and image/icon files, which carry no
      // markup. Route handlers are included: their JSON gets nosniff and the frame rules too.
      source: "/((?!_next/static|_next/image|favicon\\.ico|.*\\.(?:png|jpg|jpeg|gif|svg|webp|avif|ico)$).*)",
      // Link prefetches fetch data, not documents; the navigation that follows gets the headers.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
