/**
 * Where each secret Lectern depends on stands, for a rotation: the master key sealing the token
 * signing keys, the signing key itself, the backup archive keys and the database login. Key ids,
 * counts and ages only, never a value.
 */
package dev.lectern.ops.secrets;
