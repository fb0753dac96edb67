namespace Collab.Copilot.Authoring.Dockerfiles;

/// <summary>What a base image offers for adding a non-root user and a health check.</summary>
internal enum BaseImageFamily { Debian, Alpine, Distroless, Scratch, Node }

/// <summary>Classifies base images by name.</summary>
internal static class BaseImageFamilies
{
    public static BaseImageFamily Of(string image)
    {
        var i = image.ToLowerInvariant();
        if (i == "scratch") return BaseImageFamily.Scratch;
        if (i.Contains("distroless") || i.Contains("chainguard")) return BaseImageFamily.Distroless;
        if (i.StartsWith("node:", StringComparison.Ordinal) || i == "node") return BaseImageFamily.Node;
        if (i.Contains("alpine") || i.StartsWith("busybox", StringComparison.Ordinal)) return BaseImageFamily.Alpine;
        return BaseImageFamily.Debian;
    }

    /// <summary>Lines that create (if needed) and switch to a numeric non-root user — numeric so Kubernetes runAsNonRoot can verify it.</summary>
    public static string[] NonRootUserLines(string image) => Of(image) switch
    {
        BaseImageFamily.Node => ["USER 1000"],
        BaseImageFamily.Distroless or BaseImageFamily.Scratch => ["USER 65532:65532"],
        BaseImageFamily.Alpine => ["RUN addgroup -S -g 10001 app && adduser -S -D -u 10001 -G app app", "USER 10001"],
        _ => ["RUN groupadd --system --gid 10001 app && useradd --system --uid 10001 --gid app --create-home app", "USER 10001"],
    };
}
