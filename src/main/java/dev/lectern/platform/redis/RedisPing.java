package dev.lectern.platform.redis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.faulttolerance.Asynchronous;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.Timeout;
import redis.clients.jedis.UnifiedJedis;

/** One PING to Redis, time-boxed and bulkheaded like {@code DatabasePing}. */
@ApplicationScoped
public class RedisPing {

  @Inject RedisConnection redis;

  @Asynchronous
  @Timeout(1500)
  @Bulkhead(value = 2, waitingTaskQueue = 4)
  public CompletionStage<Void> ping() {
    UnifiedJedis client =
        redis
            .client()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "no Redis client: REDIS_URL empty or no sentinel answered"));
    String answer = client.ping();
    if (!"PONG".equalsIgnoreCase(answer)) {
      throw new IllegalStateException("unexpected PING answer");
    }
    return CompletableFuture.completedFuture(null);
  }
}
