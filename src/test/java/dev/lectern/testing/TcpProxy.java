package dev.lectern.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP proxy in the test between Lectern and a dependency, to make the dependency misbehave
 * without touching it: forward normally, refuse (drop every connection), or hang (accept and hold
 * every byte, as a frozen server or a black-holed network would).
 */
public final class TcpProxy implements AutoCloseable {

  /** How the proxy treats traffic. */
  public enum Mode {
    FORWARD,
    REFUSE,
    HANG
  }

  private final ServerSocket listener;
  private final String targetHost;
  private final int targetPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile Mode mode = Mode.FORWARD;
  private final Object modeChanged = new Object();

  public TcpProxy(String targetHost, int targetPort) throws IOException {
    this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    this.targetHost = targetHost;
    this.targetPort = targetPort;
    Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-" + port());
    acceptor.setDaemon(true);
    acceptor.start();
  }

  public int port() {
    return listener.getLocalPort();
  }

  public void mode(Mode newMode) {
    mode = newMode;
    if (newMode == Mode.REFUSE) {
      sockets.forEach(TcpProxy::closeQuietly);
      sockets.clear();
    }
    synchronized (modeChanged) {
      modeChanged.notifyAll();
    }
  }

  @Override
  public void close() {
    closeQuietly(listener);
    sockets.forEach(TcpProxy::closeQuietly);
  }

  private void acceptLoop() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (mode == Mode.REFUSE) {
          closeQuietly(client);
          continue;
        }
        sockets.add(client);
        Thread connector = new Thread(() -> connect(client), "tcp-proxy-conn");
        connector.setDaemon(true);
        connector.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private void connect(Socket client) {
    try {
      awaitForwarding();
      Socket server = new Socket(targetHost, targetPort);
      sockets.add(server);
      pump(client, server);
      pump(server, client);
    } catch (IOException e) {
      closeQuietly(client);
    }
  }

  private void pump(Socket from, Socket to) {
    Thread pump =
        new Thread(
            () -> {
              byte[] buffer = new byte[16384];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int read;
                while ((read = in.read(buffer)) >= 0) {
                  awaitForwarding();
                  out.write(buffer, 0, read);
                  out.flush();
                }
              } catch (IOException e) {
                // Either side closed: close both below.
              } finally {
                closeQuietly(from);
                closeQuietly(to);
              }
            },
            "tcp-proxy-pump");
    pump.setDaemon(true);
    pump.start();
  }

  /** Holds a connection while the proxy hangs; throws when it refuses. */
  private void awaitForwarding() throws IOException {
    synchronized (modeChanged) {
      while (mode == Mode.HANG) {
        try {
          modeChanged.wait();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted");
        }
      }
    }
    if (mode == Mode.REFUSE) {
      throw new IOException("refused");
    }
  }

  private static void closeQuietly(java.io.Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException e) {
      // Already closed.
    }
  }
}
