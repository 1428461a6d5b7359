# Tribunes: build the jar with the Maven wrapper on a JDK 17, run it on a JRE 17 as a non-root user.
#   docker build -t tribunes .
#   docker run -p 8080:8080 -v tribunes-data:/data --stop-timeout 90 tribunes
# (--stop-timeout: a stop finishes the requests in progress, 20 s at most, then may compact H2's file, 34 s for the
# 3.9 GB an import of 100,000 op-eds leaves; Docker's default of 10 s would kill it first, leaving the old file
# whole. See docs/data.md.)

FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
# Dependencies first, so that a change to the code does not download them again.
COPY .mvn/ .mvn/
COPY mvnw pom.xml ./
RUN ./mvnw -B -q dependency:go-offline
COPY src/ src/
COPY seeds/ seeds/
RUN ./mvnw -B -q -DskipTests package && cp target/tribunes-*.jar /src/tribunes.jar

FROM eclipse-temurin:17-jre
# curl serves the health check only.
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system tribunes \
    && useradd --system --gid tribunes --home-dir /app --shell /usr/sbin/nologin tribunes \
    && mkdir -p /data \
    && chown tribunes:tribunes /data
WORKDIR /app
COPY --from=build /src/tribunes.jar /tmp/tribunes.jar
ENV TRIBUNES_DATA_DIR=/data
# The JVM options bench/run.sh measures with (docs/performance.md says why each): 256 MB of heap started small, the
# serial collector with a 48 MB young generation and the old one kept near its live data, smaller stacks and code
# cache, two malloc arenas and the C library's free memory given back every 5 s (without it, an import of 100,000
# op-eds kept 100 MB the compilers had freed), and only the client compiler, C1 (TieredStopAtLevel=1: 80 MB less
# resident and a faster start; on two cores C2's compilations competed with requests). Override JAVA_TOOL_OPTIONS
# for a bigger machine.
ENV JAVA_TOOL_OPTIONS="-Xmx256m -Xms64m -Xmn48m -XX:+UseSerialGC -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=50 -Xss512k -XX:ReservedCodeCacheSize=48m -XX:TieredStopAtLevel=1 -XX:+UnlockExperimentalVMOptions -XX:TrimNativeHeapInterval=5000" \
    MALLOC_ARENA_MAX=2
# Class data sharing, as Spring Boot documents it and bench/run.sh measures: the jar extracted, then a training run
# that starts the application on a throwaway data directory and stops once it is ready, writing the classes it loaded
# to tribunes.jsa, mapped at every start instead of read and verified again (a third less start-up time).
RUN java -Djarmode=tools -jar /tmp/tribunes.jar extract --destination /app \
    && java -XX:ArchiveClassesAtExit=/app/tribunes.jsa -Dspring.context.exit=onRefresh -jar /app/tribunes.jar \
        --tribunes.data-dir=/tmp/training --server.port=0 \
    && rm -rf /tmp/training /tmp/tribunes.jar
VOLUME ["/data"]
USER tribunes
EXPOSE 8080
# Ready: started, the database answers and the search index has missed no change (the actuator's readiness
# probe; no details are shown).
HEALTHCHECK --interval=30s --timeout=5s --retries=3 \
    CMD curl -fsS -o /dev/null http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-XX:SharedArchiveFile=/app/tribunes.jsa", "-jar", "/app/tribunes.jar"]
