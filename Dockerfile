# syntax=docker/dockerfile:1
# One image for the API and the projector (docker-compose picks the command).
# A maintained Node LTS line on Debian slim; override with --build-arg NODE_IMAGE=node:22-bookworm-slim.
ARG NODE_IMAGE=node:24-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV npm_config_fund=false npm_config_audit=false CI=true
# Manifests first so the dependency layer is cached until a package.json or the lockfile changes.
COPY package.json package-lock.json ./
COPY scripts/install-locked.mjs scripts/
COPY apps/api/package.json apps/api/
COPY apps/projector/package.json apps/projector/
COPY libs/config/package.json libs/config/
COPY libs/domain/package.json libs/domain/
COPY libs/eventstore/package.json libs/eventstore/
COPY libs/read-model/package.json libs/read-model/
COPY libs/scoring/package.json libs/scoring/
# `npm ci` refuses the lockfile (no foreign-platform binaries recorded): see the script.
RUN node scripts/install-locked.mjs
COPY . .
RUN npm run build \
 && npm prune --omit=dev \
 && mkdir -p /out \
 && cp -r package.json node_modules /out/ \
 && for w in apps/* libs/*; do mkdir -p "/out/$w" && cp -r "$w/package.json" "$w/dist" "/out/$w/"; done

# Runtime: production dependencies and compiled code only, as the unprivileged `node` user.
FROM ${NODE_IMAGE} AS runtime
WORKDIR /app
ENV NODE_ENV=production API_HOST=0.0.0.0 API_PORT=4000 PAR_DATA_DIR=/tmp/par-index
COPY --from=build --chown=root:root /out /app
USER node
EXPOSE 4000
# Health checks live in docker-compose.yml: the API and the projector answer differently.
CMD ["node", "apps/api/dist/main.js"]
