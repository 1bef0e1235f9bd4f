/** Outgoing mail over SMTP (password resets), configured by {@code SMTP_*}. */
package dev.lectern.platform.mail;
