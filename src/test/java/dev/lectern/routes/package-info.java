/**
 * Tests of every route at once: who may call each operation of the OpenAPI document (held against a
 * reviewed table, not against the annotations under test) and which path forms are refused.
 */
package dev.lectern.routes;
