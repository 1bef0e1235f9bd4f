package dev.lectern.control.feed;

/**
 * A topic changed somewhere in the cluster, or this replica has just started following it: the
 * observer reloads what it keeps of that topic. Fired on the feed's thread, one topic at a time; an
 * observer that throws is called again on the next round.
 */
public record ChangeNotice(String topic) {

  public boolean is(String name) {
    return topic.equals(name);
  }
}
