/**
 * The second floor: what every capability calls and operators steer, above the platform and below
 * the roster, accounts and operations. Today it holds the policies a resource method declares; the
 * services that apply them settle here as the layering moves on.
 */
package dev.lectern.control;
