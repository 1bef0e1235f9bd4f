package dev.lectern.roster.api;

import jakarta.ws.rs.QueryParam;

/** The query parameters every OneRoster collection accepts, read as text and validated later. */
public class CollectionParams {

  @QueryParam("limit")
  String limit;

  @QueryParam("offset")
  String offset;

  @QueryParam("sort")
  String sort;

  @QueryParam("orderBy")
  String orderBy;

  @QueryParam("fields")
  String fields;

  @QueryParam("filter")
  String filter;
}
