# Copilot runtime on NVIDIA CUDA: CollabServer with the in-process llama.cpp backend, for the
# GPU nodes. The CUDA build of llama.cpp comes from the npm package @node-llama-cpp/linux-x64-cuda
# (CUDA 13), fetched at build time; model weights are mounted at /models, never baked in.
#   docker build -f deploy/docker/copilot-runtime.Dockerfile -t collab-copilot:0.1.0 .
FROM mcr.microsoft.com/dotnet/sdk:10.0.100-noble AS build
WORKDIR /src
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs=18.19.1+dfsg-6ubuntu5 npm=9.2.0~ds1-2 \
 && rm -rf /var/lib/apt/lists/*
COPY . .
RUN scripts/fetch-llama.sh --cuda \
 && dotnet publish CollabServer/Collab.Server.csproj -c Release -r linux-x64 --self-contained -o /app

FROM nvidia/cuda:13.0.1-cudnn-runtime-ubuntu24.04 AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends libicu74=74.2-1ubuntu3.1 ca-certificates=20240203 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --uid 10001 --create-home --shell /usr/sbin/nologin collab
WORKDIR /app
COPY --from=build /app ./
COPY --from=build /src/.native/llama/linux-x64-cuda /opt/llama
USER 10001:10001
ENV ASPNETCORE_URLS=http://+:8080 \
    Copilot__Model__NativeLibraryPath=/opt/llama \
    Copilot__Model__Path=/models/model.gguf \
    Copilot__Model__GpuLayers=-1 \
    Storage__DataDirectory=/tmp/collab-data
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=120s --retries=3 \
  CMD ["/app/Collab.Server", "healthcheck", "http://127.0.0.1:8080/healthz"]
ENTRYPOINT ["/app/Collab.Server"]
