package dev.lectern.ops.diagnostics;

import java.lang.management.LockInfo;
import java.lang.management.ManagementFactory;
import java.lang.management.MonitorInfo;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Instant;

/**
 * Every thread of this JVM with its whole stack and the locks it holds and waits on, close to the
 * layout of {@code jstack} (no native thread ids). Written here rather than with {@link
 * ThreadInfo#toString()}, which stops after eight frames.
 */
public final class ThreadDump {

  private ThreadDump() {}

  public static String now() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    StringBuilder out = new StringBuilder(64 * 1024);
    out.append(Instant.now()).append('\n');
    out.append("Full thread dump ")
        .append(System.getProperty("java.vm.name"))
        .append(" (")
        .append(System.getProperty("java.vm.version"))
        .append("):\n\n");
    ThreadInfo[] infos =
        threads.dumpAllThreads(
            threads.isObjectMonitorUsageSupported(), threads.isSynchronizerUsageSupported());
    for (ThreadInfo info : infos) {
      append(out, info);
    }
    long[] deadlocked = threads.findDeadlockedThreads();
    if (deadlocked != null) {
      out.append("Found ").append(deadlocked.length).append(" deadlocked threads:");
      for (long id : deadlocked) {
        out.append(' ').append(id);
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static void append(StringBuilder out, ThreadInfo info) {
    out.append('"')
        .append(info.getThreadName())
        .append("\" #")
        .append(info.getThreadId())
        .append(info.isDaemon() ? " daemon" : "")
        .append(" prio=")
        .append(info.getPriority())
        .append('\n');
    out.append("   java.lang.Thread.State: ").append(info.getThreadState()).append('\n');
    StackTraceElement[] stack = info.getStackTrace();
    for (int depth = 0; depth < stack.length; depth++) {
      out.append("\tat ").append(stack[depth]).append('\n');
      if (depth == 0 && info.getLockInfo() != null) {
        out.append("\t- ").append(waitVerb(info)).append(' ').append(describe(info.getLockInfo()));
        if (info.getLockOwnerName() != null) {
          out.append(" owned by \"").append(info.getLockOwnerName()).append('"');
        }
        out.append('\n');
      }
      for (MonitorInfo monitor : info.getLockedMonitors()) {
        if (monitor.getLockedStackDepth() == depth) {
          out.append("\t- locked ").append(describe(monitor)).append('\n');
        }
      }
    }
    LockInfo[] synchronizers = info.getLockedSynchronizers();
    if (synchronizers.length > 0) {
      out.append("\n   Locked ownable synchronizers:\n");
      for (LockInfo lock : synchronizers) {
        out.append("\t- ").append(describe(lock)).append('\n');
      }
    }
    out.append('\n');
  }

  /** jstack's words: blocked on a monitor, parked on a synchronizer, or in Object.wait. */
  private static String waitVerb(ThreadInfo info) {
    if (info.getThreadState() == Thread.State.BLOCKED) {
      return "waiting to lock";
    }
    StackTraceElement[] stack = info.getStackTrace();
    boolean parked = stack.length > 0 && "park".equals(stack[0].getMethodName());
    return parked ? "parking to wait for" : "waiting on";
  }

  private static String describe(LockInfo lock) {
    return "<0x"
        + Integer.toHexString(lock.getIdentityHashCode())
        + "> (a "
        + lock.getClassName()
        + ")";
  }
}
