# The time service's runtime image: Bun and the one bundled file that `nx build time-service`
# writes, nothing else. Build it through `npx nx docker-build time-service` (see
# docs/container.md), which builds the bundle first and passes the build arguments below.

# Pinned to an exact Bun release so that a rebuild cannot silently change the runtime; keep it
# equal to the `bun` version in package.json (a unit test checks this).
ARG BUN_VERSION=1.4.5

FROM docker.io/oven/bun:${BUN_VERSION}-slim

# The default equals CONTAINER_PORT in libs/service-contract, which the build target passes.
ARG CONTAINER_PORT=8080

# A folder created by root and left owned by root: the app user can read the bundle but can
# neither change nor replace it.
WORKDIR /app
COPY dist/apps/time-service/ ./

# PORT is read at run time by both the service and the health check. Bun's transpiler cache is
# off (as the base image has it) because the root filesystem is read-only on ECS.
ENV NODE_ENV=production \
    PORT=${CONTAINER_PORT} \
    BUN_RUNTIME_TRANSPILER_CACHE_PATH=0

USER bun
EXPOSE ${CONTAINER_PORT}

# The slim image has no curl or wget, so Bun itself probes the service; the abort makes a hung
# server fail the check before Docker's timeout. The command must equal HEALTH_CHECK_COMMAND in
# libs/container-image (a unit test checks this).
HEALTHCHECK --interval=15s --timeout=5s --start-period=10s --retries=3 \
    CMD ["bun", "-e", "const r = await fetch(`http://127.0.0.1:${process.env.PORT}/healthz`, { signal: AbortSignal.timeout(3000) }); process.exit(r.ok ? 0 : 1)"]

# Exec form: Bun runs as PID 1 and receives ECS's SIGTERM itself, with no shell in between.
CMD ["bun", "main.js"]

# Labels last, so that a new commit changes only image metadata, not a cached layer.
ARG REVISION=unknown
ARG SOURCE_URL=
LABEL org.opencontainers.image.title="simple-time-service" \
      org.opencontainers.image.description="Answers the current time and the caller's IP address." \
      org.opencontainers.image.licenses="MIT" \
      org.opencontainers.image.source="${SOURCE_URL}" \
      org.opencontainers.image.revision="${REVISION}"
