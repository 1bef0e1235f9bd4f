package dev.lectern.roster.query;

/** One page of a collection, already rendered, and the size of the whole collection. */
public record RosterPage(byte[] json, long total) {}
