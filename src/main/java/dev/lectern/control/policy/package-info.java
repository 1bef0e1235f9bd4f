/**
 * The policies a resource method declares: who may call it, which rate tier it counts against and
 * what the operating modes do to it. They are read from the method that routing matched (or its
 * class), never from the request's path, so a path written another way cannot pick another policy.
 * The filters that apply them live with the capability that owns each decision.
 */
package dev.lectern.control.policy;
