package dev.lectern.control.mode;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The reload the change feed starts on every replica, against a change made on this replica: the
 * interleaving that showed the previous mode again, played out step by step with the database
 * replaced by latches (pure logic; ModeIT covers the real thing across replicas).
 */
class ModeReloadRaceTest {

  private static final ModeState STORED_BEFORE =
      new ModeState(OperatingMode.NORMAL, null, null, null, null);

  @Test
  void aReloadThatReadTheRowBeforeThisReplicasChangeDoesNotUndoIt() throws Exception {
    ScriptedModes modes = new ScriptedModes();
    Thread reload = new Thread(modes::reload);
    reload.start();
    assertThat(modes.reading.await(5, TimeUnit.SECONDS)).isTrue();

    modes.set(OperatingMode.READ_ONLY, "restore", null, "admin");
    modes.readResult = STORED_BEFORE;
    modes.release.countDown();
    reload.join(5_000);

    assertThat(modes.current().mode()).isEqualTo(OperatingMode.READ_ONLY);
    assertThat(modes.effective()).isEqualTo(OperatingMode.READ_ONLY);
  }

  @Test
  void aReloadThatOverlappedNoChangeFollowsTheStoredMode() {
    ScriptedModes modes = new ScriptedModes();
    modes.set(OperatingMode.READ_ONLY, "restore", null, "admin");
    modes.readResult = new ModeState(OperatingMode.MAINTENANCE, "upgrade", null, null, "other");
    modes.release.countDown();

    modes.reload();

    assertThat(modes.current().mode()).isEqualTo(OperatingMode.MAINTENANCE);
    assertThat(modes.current().changedBy()).isEqualTo("other");
  }

  /** The registry as seen outside any transaction: a stored write has committed already. */
  private static final class NoTransaction implements TransactionSynchronizationRegistry {
    @Override
    public Object getTransactionKey() {
      return null;
    }

    @Override
    public void putResource(Object key, Object value) {
      throw new IllegalStateException("no transaction");
    }

    @Override
    public Object getResource(Object key) {
      throw new IllegalStateException("no transaction");
    }

    @Override
    public void registerInterposedSynchronization(Synchronization sync) {
      throw new IllegalStateException("no transaction");
    }

    @Override
    public int getTransactionStatus() {
      return Status.STATUS_NO_TRANSACTION;
    }

    @Override
    public void setRollbackOnly() {
      throw new IllegalStateException("no transaction");
    }

    @Override
    public boolean getRollbackOnly() {
      throw new IllegalStateException("no transaction");
    }
  }

  /** A ModeService whose row is read when a test lets it, and whose writes commit at once. */
  private static final class ScriptedModes extends ModeService {
    final CountDownLatch reading = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);
    volatile ModeState readResult;

    ScriptedModes() {
      self = this;
      transactions = new NoTransaction();
    }

    @Override
    public void store(ModeState next) {}

    @Override
    public ModeState stored() {
      reading.countDown();
      try {
        assertThat(release.await(5, TimeUnit.SECONDS)).isTrue();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return readResult;
    }
  }
}
