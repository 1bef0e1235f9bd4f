/**
 * Lectern's ops console at {@code /console/}: static pages that drive the same API as every other
 * client, served with a Content-Security-Policy of their own. It holds no logic of its own and no
 * endpoint the API lacks, so the API's access rules are the console's.
 */
package dev.lectern.ops.console;
