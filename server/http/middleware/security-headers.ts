/**
 * Security headers for everything the server answers (helmet), with a Content-Security-Policy that
 * fits the built client exactly: its scripts, styles and the layout worker are files from this origin
 * (no inline script, no eval), styles set from script go through the CSSOM (allowed without
 * 'unsafe-inline'), the favicon is a data: URL and the PNG export hands a blob: URL to a link. A route
 * with other needs (the downloadable report) sets its own CSP header, which replaces this one.
 *
 * No HSTS and no upgrade-insecure-requests: Köprü is served over plain HTTP on localhost or a LAN
 * address, where either would break it; a TLS reverse proxy in front should add HSTS itself.
 */
import helmet from 'helmet';
import type { RequestHandler } from 'express';

export const CONTENT_SECURITY_POLICY: Record<string, string[]> = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'worker-src': ["'self'"],
  'object-src': ["'none'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
};

export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    strictTransportSecurity: false,
    // The map is never framed: frame-ancestors 'none' and X-Frame-Options say so to old and new browsers.
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
}
