/**
 * The rostering system of record: the OneRoster 1.2 model (orgs, academic sessions, courses,
 * classes, users, enrollments, demographics), its read API under {@code
 * /ims/oneroster/rostering/v1p2}, and the filter language consumers page through it with.
 */
package dev.lectern.roster;
