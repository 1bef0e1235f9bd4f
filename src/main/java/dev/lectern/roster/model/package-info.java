/**
 * The OneRoster object types as Lectern stores and shows them: one declarative table per type (SQL
 * column, JSON name, kind) that the query compiler, the JSON writer and the API share, so a field
 * is described once.
 */
package dev.lectern.roster.model;
