# Lectern's image: the official Open Liberty image (kernel-slim, Java 17, OpenJ9, UBI) grown to
# exactly the features server.xml lists, with the JDBC driver and Hibernate in the server's lib/
# and the WAR in apps/. Build it from a checkout after the Maven build has laid the server out:
#
#   mvn -B -DskipTests package liberty:create liberty:deploy
#   docker build -t lectern:0.1.0 .
#
# Nothing secret is in the image: every setting comes from the environment (docs/configuration.md),
# secrets from the orchestrator (helm/lectern takes them from a Kubernetes Secret).
# LIBERTY_VERSION follows liberty.runtime.version in pom.xml (HelmChartTest checks it).
ARG LIBERTY_VERSION=26.0.0.3
FROM icr.io/appcafe/open-liberty:${LIBERTY_VERSION}-kernel-slim-java17-openj9-ubi

ARG SERVER_DIR=target/liberty/wlp/usr/servers/lectern

# Features first: this layer changes only when server.xml does.
COPY --chown=1001:0 src/main/liberty/config/server.xml src/main/liberty/config/admin-center-on.xml src/main/liberty/config/admin-center-off.xml /config/
# adminCenter is chosen at run time (ADMIN_CENTER), so its features are installed whatever the
# default: features.sh reads the include ADMIN_CENTER=on selects.
RUN ADMIN_CENTER=on features.sh

COPY --chown=1001:0 src/main/liberty/config/bootstrap.properties src/main/liberty/config/jvm.options /config/
COPY --chown=1001:0 src/main/docker/openj9-dumps.jvm.options /config/configDropins/overrides/jvm.options
COPY --chown=1001:0 ${SERVER_DIR}/lib/ /config/lib/
COPY --chown=1001:0 target/lectern.war /config/apps/lectern.war

# Production defaults; the chart and `docker run -e` override them. JSON console logs for log
# collectors, with the same sources as messages.log. Traces are off until OTEL_SDK_DISABLED=false;
# logs (they hold personal data) and metrics (they are on /metrics) are never exported over OTLP
# unless asked for.
ENV LECTERN_MODE=production \
    ADMIN_CENTER=off \
    OTEL_SDK_DISABLED=true \
    OTEL_SERVICE_NAME=lectern \
    OTEL_LOGS_EXPORTER=none \
    OTEL_METRICS_EXPORTER=none \
    WLP_LOGGING_CONSOLE_FORMAT=json \
    WLP_LOGGING_CONSOLE_SOURCE=message,trace,accessLog,ffdc,audit \
    BACKUP_DIR=/var/lib/lectern/backups \
    IMPORT_DIR=/var/lib/lectern/imports

# The default places of backups, imports and heap dumps, for a container run without volumes; the
# chart mounts volumes there.
USER root
RUN mkdir -p /var/lib/lectern/backups /var/lib/lectern/imports /var/lib/lectern/dumps \
    && chown -R 1001:0 /var/lib/lectern && chmod -R g+rwX /var/lib/lectern
USER 1001
RUN configure.sh
EXPOSE 9080 9443
