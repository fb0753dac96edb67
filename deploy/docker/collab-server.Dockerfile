# CollabServer image: build with the .NET SDK, run on the ASP.NET runtime as a non-root user.
# Works with a read-only root filesystem: the only writable paths are /data (SQLite in the
# embedded mode; mount a volume) and /tmp (mount an emptyDir).
#   docker build -f deploy/docker/collab-server.Dockerfile -t collab-server:0.1.0 .
# The web client served at / (built by Vite into CollabServer/wwwroot).
FROM node:20-bookworm-slim AS web
WORKDIR /src
COPY clients/ clients/
RUN cd clients && npm ci --no-audit --no-fund && \
    npm run build --workspace @collab/signalr-provider && \
    npm run build --workspace @collab/ui && \
    npm run build --workspace @collab/web

FROM mcr.microsoft.com/dotnet/sdk:10.0.100-noble AS build
WORKDIR /src
COPY Directory.Build.props ./
COPY Crdt/ Crdt/
# Copilot/ too: the server hosts the copilot libraries that live there.
COPY Copilot/ Copilot/
COPY CollabServer/ CollabServer/
COPY --from=web /src/CollabServer/wwwroot/ CollabServer/wwwroot/
RUN dotnet publish CollabServer/Collab.Server.csproj -c Release -o /app --no-self-contained -p:CollabSkipWebClient=true

FROM mcr.microsoft.com/dotnet/aspnet:10.0.0-noble-chiseled AS runtime
WORKDIR /app
COPY --from=build /app ./
# The chiseled image has no shell; the app user (uid 1654) exists in it.
USER 1654:1654
# DOTNET_GCgen0size: a 2 MB allocation budget between young collections instead of one sized from
# the CPU's cache (16 MB on a 32 MB L3), which every process paid in resident memory once its first
# rooms opened (docs/operating.md, "Memory"). The runtime reads it from the environment only.
ENV ASPNETCORE_URLS=http://+:8080 \
    DOTNET_RUNNING_IN_CONTAINER=true \
    DOTNET_GCgen0size=0x200000 \
    Storage__DataDirectory=/data
EXPOSE 8080
VOLUME ["/data"]
# `healthcheck` is a subcommand of the server itself: the chiseled image has no curl.
HEALTHCHECK --interval=30s --timeout=3s --start-period=20s --retries=3 \
  CMD ["dotnet", "Collab.Server.dll", "healthcheck", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["dotnet", "Collab.Server.dll"]
