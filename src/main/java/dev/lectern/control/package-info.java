/**
 * The second floor: the services every capability calls and operators steer (audit, jobs, cache,
 * retention, operating mode, rate limits) and the policies a resource method declares. Above the
 * platform, below the roster, accounts and operations; it knows none of them.
 */
package dev.lectern.control;
