/**
 * The edges of every answer: security headers and CORS for allowlisted origins, the client's
 * address behind trusted proxies, public base URLs, and the refusal of paths whose shape would let
 * routing and a reader of the path disagree.
 */
package dev.lectern.platform.http;
