/**
 * OneRoster collection queries: the filter language parsed into a typed expression, compiled to
 * parameterised SQL against the model's field table (never by string concatenation of values), and
 * the paging, sorting and field selection around it.
 */
package dev.lectern.roster.query;
