# syntax=docker/dockerfile:1
# provisim in a container (README, "Deployment"):
#   docker build -t provisim . && docker run -p 4010:4010 -v provisim-data:/data provisim
# Settings come from the environment: PROVISIM_PUBLIC_URL (the origin of every absolute URL),
# PROVISIM_SIM_TOKEN (passed as --sim-token, which guards /sim on a non-loopback host; `auto`, the
# default, makes one and prints it at start), and
# PROVISIM_HOST, PROVISIM_PORT, PROVISIM_DATA.

# Build: the full dependency set compiles dist/, then only the run-time dependencies are kept.
FROM node:20-alpine AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.json tsconfig.build.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY bin ./bin
COPY cli ./cli
COPY harness ./harness
COPY openapi ./openapi
COPY rules ./rules
COPY scenarios ./scenarios
COPY scripts/bundle-cli.mjs ./scripts/bundle-cli.mjs
COPY simulator ./simulator
RUN npm run build && npm prune --omit=dev --ignore-scripts --no-audit --no-fund && mkdir -p data

# Run: compiled JavaScript and run-time dependencies only, as the unprivileged `node` user.
FROM node:20-alpine
ENV NODE_ENV=production \
    PROVISIM_HOST=0.0.0.0 \
    PROVISIM_PORT=4010 \
    PROVISIM_DATA=/data/world.json \
    PROVISIM_PUBLIC_URL="" \
    PROVISIM_SIM_TOKEN=auto
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/bin ./bin
COPY --from=build /app/dist ./dist
COPY --from=build /app/scenarios ./scenarios
COPY --from=build --chown=node:node /app/data /data
USER node
VOLUME /data
EXPOSE 4010
HEALTHCHECK --interval=15s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PROVISIM_PORT}/sim/health`).then((r) => process.exit(r.status === 200 ? 0 : 1), () => process.exit(1))"]
CMD ["/bin/sh", "-c", "exec node bin/provisim.mjs serve --host \"$PROVISIM_HOST\" --port \"$PROVISIM_PORT\" --data \"$PROVISIM_DATA\" ${PROVISIM_PUBLIC_URL:+--public-url \"$PROVISIM_PUBLIC_URL\"} ${PROVISIM_SIM_TOKEN:+--sim-token \"$PROVISIM_SIM_TOKEN\"}"]
