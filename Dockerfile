# syntax=docker/dockerfile:1
# The blog as a small, non-root nginx image:
#   docker build -t blog .  &&  docker run --rm -p 8080:8080 blog   ->  http://localhost:8080
# Stages: deps (Node LTS + modules + fonts) -> dev (compose.yaml's `dev`, for authors)
#         deps -> build (npm run build, precompress) -> runtime (nginx, the default target).

# Node LTS on Debian (glibc): the lockfile's glibc builds of sharp (@img/sharp-linux-*) and Pagefind's
# static binary (@pagefind/linux-*) install as they are.
FROM node:22.23.4-bookworm-slim AS deps
# sharp renders the diagrams' SVG text with the system's fonts; DejaVu is what they are drawn for.
RUN apt-get update \
    && apt-get install -y --no-install-recommends fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY package.json package-lock.json ./
RUN --mount=type=cache,target=/root/.npm \
    npm ci --no-audit --no-fund

# Authors' container: the engine baked in, posts/ and friends mounted by compose.yaml, live reload on 8080.
FROM deps AS dev
COPY . .
ENV PORT=8080
EXPOSE 8080
CMD ["npm", "start"]

FROM deps AS build
COPY . .
# Encoded images are kept by BuildKit between image builds (the build copies them into _site/), so an image
# build where no image changed encodes nothing, as on an author's machine; so are the search index's parts, so
# only the parts whose posts changed are indexed again.
RUN --mount=type=cache,target=/app/.cache/images \
    --mount=type=cache,target=/app/.cache/search \
    npm run build \
    && sh scripts/precompress.sh _site

# nginx-unprivileged runs as uid 101 and listens on 8080; its nginx.conf includes conf.d/*.conf.
FROM nginxinc/nginx-unprivileged:1.30.6-alpine AS runtime
ARG VERSION=0.1.0
ARG REVISION=unknown
ARG CREATED=unknown
LABEL org.opencontainers.image.title="jekyll-faithful-blog" \
      org.opencontainers.image.description="A Jekyll-faithful static blog built with Eleventy, served by nginx" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.created="${CREATED}" \
      org.opencontainers.image.base.name="docker.io/nginxinc/nginx-unprivileged:1.30.6-alpine"
COPY nginx/conf.d/default.conf /etc/nginx/conf.d/default.conf
COPY nginx/snippets/ /etc/nginx/snippets/
# Owned by root, so the server can read the site but not change it.
COPY --from=build /app/_site/ /srv/blog/
USER 101
EXPOSE 8080
# busybox wget is in the alpine image; /healthz is answered by nginx itself.
HEALTHCHECK --interval=30s --timeout=3s --start-period=5s --retries=3 \
    CMD wget -q -O /dev/null http://127.0.0.1:8080/healthz || exit 1
