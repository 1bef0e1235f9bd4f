/** Response headers every answer carries: security headers and CORS for allowlisted origins. */
package dev.lectern.platform.http;
