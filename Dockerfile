# One image for every service of the single window; docker-compose picks the entry per service.
FROM node:20-bookworm-slim
WORKDIR /app
COPY package.json package-lock.json tsconfig.json ./
COPY auth auth
COPY gateway gateway
COPY platform platform
COPY subgraphs subgraphs
COPY migrations migrations
COPY scripts scripts
COPY schema schema
COPY test test
COPY bench bench
RUN npm ci && npm prune --omit=dev
ENV APP_ENV=production NODE_ENV=production
# The gateway's audit journal (docker-compose mounts a volume here): records wait in it while MySQL is down.
RUN mkdir -p /var/lib/single-window/audit-journal && chown -R node:node /var/lib/single-window
USER node
