package dev.lectern.control.jobs;

/** Thrown by job steps when an admin cancelled the job; the step stops and undoes its work. */
public class JobCancelledException extends RuntimeException {

  public JobCancelledException() {
    super("cancelled");
  }
}
