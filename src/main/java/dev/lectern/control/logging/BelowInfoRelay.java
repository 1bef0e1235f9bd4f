package dev.lectern.control.logging;

import java.util.logging.Formatter;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Writes the records below INFO of a raised logger into Liberty's log as INFO lines that name their
 * level and logger ({@code [FINE] dev.lectern.x: ...}). Liberty keeps a record below INFO only when
 * its own trace specification enables it, which lives in server.xml; a runtime change must not
 * write there. The line is written on the caller's thread, so it carries the request id like any
 * other.
 */
final class BelowInfoRelay extends Handler {

  private static final Logger RELAY = Logger.getLogger(BelowInfoRelay.class.getName());
  private final Formatter formatter = new SimpleFormatter();

  @Override
  public void publish(LogRecord record) {
    if (record == null || record.getLevel().intValue() >= Level.INFO.intValue()) {
      return;
    }
    RELAY.logp(
        Level.INFO,
        record.getSourceClassName(),
        record.getSourceMethodName(),
        "["
            + record.getLevel().getName()
            + "] "
            + record.getLoggerName()
            + ": "
            + formatter.formatMessage(record),
        record.getThrown());
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
