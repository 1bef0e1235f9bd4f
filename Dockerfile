# Lectern's image, built from a clone with nothing else installed:
#
#   docker build -t lectern .
#
# Two stages. The first runs the Maven build that `bin/dev` runs (JDK 17, Maven 3.9), which lays
# the server out: the WAR, and the server's lib/ with the JDBC driver (lib/jdbc), Hibernate
# (lib/hibernate) and the network gate (lib/gate). The second is the official Open Liberty image
# (kernel-slim, Java 17, OpenJ9, UBI) grown to exactly the features server.xml lists, holding
# what the first stage built and the bill of materials of its libraries (CycloneDX JSON, see the
# dev.lectern.sbom label).
#
# Nothing secret is in the image: every setting comes from the environment (docs/configuration.md),
# secrets from the orchestrator (helm/lectern takes them from a Kubernetes Secret, deploy/compose
# from an env file). LIBERTY_VERSION follows liberty.runtime.version in pom.xml (DockerfileTest
# checks it).
ARG LIBERTY_VERSION=26.0.0.3

FROM maven:3.9-eclipse-temurin-17 AS build
ARG LIBERTY_VERSION
WORKDIR /build
# The local repository lives in the build's layers rather than in ~/.m2, which some Maven images
# declare a volume (whose contents a layer would drop). Spotless is skipped: it formats sources,
# which a build of a commit must not change, and would fetch its formatter.
ENV MAVEN_ARGS="-B -ntp -Dmaven.repo.local=/build/.m2 -Dspotless.skip=true"

# Dependencies and plugins first, with the Liberty runtime the build lays the server out from
# (about 350 MB): these layers change only when pom.xml does, so a source change rebuilds from
# the compile on.
COPY pom.xml ./
RUN mvn dependency:go-offline \
    && mvn dependency:get -Dartifact=io.openliberty:openliberty-runtime:${LIBERTY_VERSION}:zip

COPY src/main ./src/main
# Online (no -o): the CycloneDX plugin refuses to run offline and Maven would skip it silently,
# and anything go-offline missed is fetched here. Tests are neither compiled nor run: the image
# is built from a commit the test suite has passed (bin/dev test).
RUN mvn -Dmaven.test.skip=true package liberty:create liberty:deploy \
    && test -s target/lectern.war && test -s target/bom.json \
    && test -d target/liberty/wlp/usr/servers/lectern/lib/jdbc

FROM icr.io/appcafe/open-liberty:${LIBERTY_VERSION}-kernel-slim-java17-openj9-ubi

ARG SERVER_DIR=/build/target/liberty/wlp/usr/servers/lectern

LABEL org.opencontainers.image.title="Lectern" \
      org.opencontainers.image.description="Rostering system of record with the OneRoster 1.2 API" \
      dev.lectern.sbom="/opt/lectern/sbom/bom.json"

# Features first: this layer changes only when server.xml does.
COPY --chown=1001:0 src/main/liberty/config/server.xml src/main/liberty/config/admin-center-on.xml src/main/liberty/config/admin-center-off.xml /config/
# adminCenter is chosen at run time (ADMIN_CENTER), so its features are installed whatever the
# default: features.sh reads the include ADMIN_CENTER=on selects.
RUN ADMIN_CENTER=on features.sh

COPY --chown=1001:0 src/main/liberty/config/bootstrap.properties src/main/liberty/config/jvm.options /config/
COPY --chown=1001:0 src/main/docker/openj9-dumps.jvm.options /config/configDropins/overrides/jvm.options
COPY --from=build --chown=1001:0 ${SERVER_DIR}/lib/ /config/lib/
COPY --from=build --chown=1001:0 /build/target/lectern.war /config/apps/lectern.war
# Read-only for the server's user: scanners and auditors read it, nothing at run time changes it.
COPY --from=build /build/target/bom.json /build/target/bom.xml /opt/lectern/sbom/

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

# For plain Docker and compose (Kubernetes ignores it and uses the chart's probes). Liveness, not
# readiness: an orchestrator that replaces unhealthy containers (Swarm) must not kill replicas
# during a database outage, which readiness reports; compose overrides it with readiness for
# depends_on. curl is assumed present: the base image's own build downloads with it (UBI ships
# curl), and no Docker engine here has confirmed it for this tag. A cold start takes 15-60 s on
# two cores, hence the start period.
HEALTHCHECK --interval=30s --timeout=5s --start-period=120s --retries=3 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${HTTP_PORT:-9080}/health/live" || exit 1
