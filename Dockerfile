# syntax=docker/dockerfile:1
# warmpath API and web app: docker build -t warmpath . && docker run -p 4000:4000 -e NEO4J_URI=... warmpath
# (docker-compose.yml runs it next to Neo4j.)

FROM node:24-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 builds from source when no prebuilt binary fits.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# The sources come before `npm ci`: its prepare script builds dist/ and the web app (web/dist).
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
COPY src ./src
COPY web ./web
RUN npm ci \
 && npm prune --omit=dev

FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=4000 \
    HOST=0.0.0.0
WORKDIR /app
COPY --from=build --chown=node:node /app/package.json /app/package-lock.json ./
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --from=build --chown=node:node /app/web/dist ./web/dist
# The command line, for `docker compose run --rm api node bin/warmpath.js user create --admin ...`.
COPY --chown=node:node bin ./bin
USER node
EXPOSE 4000
CMD ["node", "dist/main.js"]
