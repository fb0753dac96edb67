using System.Globalization;
using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Manifests;

/// <summary>
/// Deterministic parser from a request in words ("a Job that trains on one A100 MIG slice with my
/// dataset PVC, in the team queue") to a <see cref="ManifestSpec"/>. Every default it had to choose
/// is reported as an assumption so the user can correct it.
/// </summary>
public static partial class ManifestRequestParser
{
    private const RegexOptions I = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    private static readonly Dictionary<string, int> Numbers = new()
    {
        ["a"] = 1, ["an"] = 1, ["one"] = 1, ["single"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["six"] = 6, ["seven"] = 7, ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["twelve"] = 12, ["sixteen"] = 16,
    };

    // Words that name an image the user means, mapped to the image the drafter uses for it.
    private static readonly (string Pattern, string Image)[] ImageWords =
    [
        (@"\bnginx\b", "nginxinc/nginx-unprivileged:1.27-alpine"),
        (@"\bpostgres(ql)?\b", "postgres:16.4"),
        (@"\bmysql\b", "mysql:8.4"),
        (@"\bmariadb\b", "mariadb:11.4"),
        (@"\bmongo(db)?\b", "mongo:7.0"),
        (@"\bredis\b", "redis:7.4-alpine"),
        (@"\bmemcached\b", "memcached:1.6-alpine"),
        (@"\brabbitmq\b", "rabbitmq:3.13-management"),
        (@"\bminio\b", "minio/minio:RELEASE.2024-10-13T13-34-11Z"),
        (@"\bgrafana\b", "grafana/grafana:11.2.2"),
        (@"\bprometheus\b", "prom/prometheus:v2.54.1"),
        (@"\belasticsearch\b", "elasticsearch:8.15.2"),
        (@"\bvllm\b", "vllm/vllm-openai:v0.6.3"),
        (@"\bollama\b", "ollama/ollama:0.3.14"),
        (@"\b(jupyter(lab)?|notebook)\b", "quay.io/jupyter/scipy-notebook:2024-10-07"),
        (@"\btensorflow\b", "tensorflow/tensorflow:2.17.0-gpu"),
        (@"\b(pytorch|torch|train(s|ing)?|fine-?tun(e|es|ing)|llm|model)\b", "pytorch/pytorch:2.5.1-cuda12.4-cudnn9-runtime"),
        (@"\b(aws|s3)\b", "amazon/aws-cli:2.17.50"),
        (@"\bkubectl\b", "bitnami/kubectl:1.31"),
        (@"\bpython\b", "python:3.12-slim"),
        (@"\bnode(\.?js)?\b", "node:22-alpine"),
        (@"\bbusybox\b", "busybox:1.36"),
    ];

    [GeneratedRegex(@"(?:\bimage\s*[:=]?\s*|\busing\s+|\bfrom\s+)[`""']?([a-z0-9][\w.\-]*(?:/[\w.\-]+)*(?::[\w.\-]+)?(?:@sha256:[a-f0-9]+)?)", I)]
    private static partial Regex ExplicitImage();

    [GeneratedRegex(@"\b((?:[a-z0-9\-]+\.)+[a-z]{2,}(?::\d+)?/[\w.\-/]+(?::[\w.\-]+)?|[a-z0-9\-]+/[a-z0-9][\w.\-]*:[\w.\-]+)\b", I)]
    private static partial Regex RegistryImage();

    /// <summary>Parses <paramref name="request"/>; <paramref name="assumptions"/> lists each default chosen.</summary>
    public static ManifestSpec Parse(string request, out IReadOnlyList<string> assumptions)
    {
        var notes = new List<string>();
        var text = request.Trim();
        var kind = DetectKind(text);
        var image = DetectImage(text, kind, notes);
        var gpu = DetectGpu(text);
        var volumes = DetectVolumes(text, kind, image);
        var storage = DetectSize(text);
        var ports = DetectPorts(text);
        var known = image is null ? null : KnownImages.Find(image);
        var servicePort = Regex.IsMatch(text, @"\bservice\b", I) || kind == "Service" ? ports.FirstOrDefault() : 0;
        var containerPorts = known?.Port is { } kp ? [kp] : ports;
        if (servicePort == 0 && Regex.IsMatch(text, @"\b(and|with|plus) an? (\w+ )?service\b", I)) servicePort = known?.Port ?? 80;

        var queue = DetectQueue(text);
        if (queue is null && gpu is not null && kind is "Job" or "CronJob")
        {
            queue = "default";
            notes.Add("GPU jobs go through Kueue: used the LocalQueue \"default\"; set kueue.x-k8s.io/queue-name to your team's queue.");
        }
        var schedule = kind == "CronJob" ? ScheduleParser.Parse(text) : null;
        if (kind == "CronJob" && schedule is null)
        {
            schedule = "0 2 * * *";
            notes.Add("No time given: scheduled daily at 02:00 (cron \"0 2 * * *\").");
        }
        if (kind == "PersistentVolumeClaim" && storage is null) notes.Add("No size given: requested 10Gi.");
        if (kind == "StatefulSet" && storage is null && known?.DataPath is not null)
        {
            storage = "10Gi";
            notes.Add("No volume size given: each replica gets a 10Gi volume.");
        }

        var command = DetectCommand(text);
        var script = command.Select(c => Regex.Match(c, @"^(?:.*/)?([a-z0-9][a-z0-9_\-]*)\.(?:py|sh|js)$", I)).FirstOrDefault(m => m.Success);
        var name = Regex.IsMatch(text, @"\b(?:named|called)\s", I) || script is null ? DetectName(text, kind, image) : script.Groups[1].Value.ToLowerInvariant().Replace('_', '-');
        var env = DetectPairs(text, upperOnly: kind != "ConfigMap");
        if (image is not null && ImageReference.Parse(image).CanonicalRepository == "postgres")
        {
            // The volume root holds lost+found, which initdb refuses; a subdirectory avoids that.
            env.TryAdd("PGDATA", "/var/lib/postgresql/data/pgdata");
            if (!env.ContainsKey("POSTGRES_PASSWORD")) notes.Add("postgres needs POSTGRES_PASSWORD: add it from a Secret (env valueFrom.secretKeyRef), never inline.");
        }

        assumptions = notes;
        return new ManifestSpec
        {
            Kind = kind,
            Name = name,
            Namespace = Match(text, @"\bnamespace\s+[`""']?([a-z0-9][a-z0-9\-]*)"),
            Image = kind is "Service" or "PersistentVolumeClaim" or "ConfigMap" ? null : image,
            Replicas = kind is "Deployment" or "StatefulSet" ? DetectReplicas(text) : null,
            Command = command,
            Env = kind == "ConfigMap" ? new Dictionary<string, string>() : env,
            Data = kind == "ConfigMap" ? env : new Dictionary<string, string>(),
            Ports = kind is "Service" or "PersistentVolumeClaim" or "ConfigMap" ? [] : containerPorts,
            Gpu = gpu,
            Volumes = volumes,
            QueueName = kind is "Job" or "CronJob" ? queue : null,
            Schedule = schedule,
            StorageSize = kind is "StatefulSet" or "PersistentVolumeClaim" ? storage ?? "10Gi" : storage,
            Cpu = Quantity(Match(text, @"(\d+(?:\.\d+)?|\d+m)\s*(?:v?cpus?|cores?)\b"), "cpu"),
            Memory = Quantity(Match(text, @"(\d+(?:\.\d+)?\s*(?:gi|gib|gb|g|mi|mib|mb))\s*(?:of\s+)?(?:ram|memory)\b"), "memory"),
            ServicePort = kind == "Service" ? (servicePort == 0 ? 80 : servicePort) : servicePort == 0 ? null : servicePort,
        };
    }

    private static string DetectKind(string text)
    {
        if (Regex.IsMatch(text, @"\bcron\s?jobs?\b", I) || (ScheduleParser.MentionsSchedule(text) && !Regex.IsMatch(text, @"\b(deployment|statefulset|stateful set)\b", I))) return "CronJob";
        if (Regex.IsMatch(text, @"\bstateful\s?sets?\b", I)) return "StatefulSet";
        if (Regex.IsMatch(text, @"\bdeployments?\b", I)) return "Deployment";
        if (Regex.IsMatch(text, @"\bjobs?\b", I)) return "Job";
        if (Regex.IsMatch(text, @"\bconfig\s?maps?\b", I)) return "ConfigMap";
        if (Regex.IsMatch(text, @"^\W*(an?\s+|the\s+)?(pvc|persistent\s?volume\s?claim|volume claim)\b", I) || Regex.IsMatch(text, @"^\W*(an?\s+)?\d+\s*\w+\s+(pvc|volume)\b", I)) return "PersistentVolumeClaim";
        if (Regex.IsMatch(text, @"^\W*(an?\s+|the\s+)?(\w+\s+)?services?\b", I)) return "Service";
        if (Regex.IsMatch(text, @"\b(postgres(ql)?|mysql|mariadb|mongo(db)?|elasticsearch|database|db)\b", I)) return "StatefulSet";
        if (Regex.IsMatch(text, @"\b(train(s|ing)?|fine-?tun\w*|batch|benchmark|one-?off|migration|evaluat\w*|preprocess\w*|run once)\b", I)) return "Job";
        if (Regex.IsMatch(text, @"\b(pvc|persistent\s?volume\s?claim)\b", I) && !Regex.IsMatch(text, @"\b(serve|server|app|api|web)\b", I)) return "PersistentVolumeClaim";
        return "Deployment";
    }

    private static string? DetectImage(string text, string kind, List<string> notes)
    {
        if (kind is "Service" or "PersistentVolumeClaim" or "ConfigMap") return null;
        var explicitImage = ExplicitImage().Match(text);
        var candidate = explicitImage.Success && LooksLikeImage(explicitImage.Groups[1].Value) ? explicitImage.Groups[1].Value
            : RegistryImage().Match(text) is { Success: true } r ? r.Groups[1].Value : null;
        if (candidate is not null)
        {
            var reference = ImageReference.Parse(candidate);
            if (reference.IsPinned) return candidate;
            var pinned = KnownImages.Pin(candidate);
            notes.Add(pinned is null
                ? $"Image \"{candidate}\" has no version tag: pinned it to :1.0.0 as a placeholder; replace it with your release tag."
                : $"Image \"{candidate}\" has no version tag: pinned it to \"{pinned}\".");
            return pinned ?? $"{reference.Repository}:1.0.0";
        }
        foreach (var (pattern, image) in ImageWords)
            if (Regex.IsMatch(text, pattern, I)) return image;
        var fallback = kind is "Job" or "CronJob" ? "busybox:1.36" : "nginxinc/nginx-unprivileged:1.27-alpine";
        notes.Add($"No image named: used \"{fallback}\"; replace it with your application's image.");
        return fallback;
    }

    private static bool LooksLikeImage(string value) =>
        value.Contains('/') || value.Contains(':') || KnownImages.Find(value) is not null;

    private static GpuRequest? DetectGpu(string text)
    {
        var profile = Match(text, @"\b(\d+g\.\d+gb)\b");
        var mig = profile is not null || Regex.IsMatch(text, @"\bmig\b", I);
        if (mig)
        {
            profile ??= DefaultMigProfile(text);
            var count = CountBefore(text, @"\b(?:mig|\d+g\.\d+gb)\b") ?? 1;
            return new GpuRequest { Count = count, MigProfile = profile };
        }
        var gpus = CountBefore(text, @"\bgpus?\b");
        if (gpus is not null) return new GpuRequest { Count = gpus.Value };
        var model = CountBefore(text, @"\b(?:a100|h100|h200|a30|a40|l4|l40s?|v100|t4)\b");
        if (model is not null) return new GpuRequest { Count = model.Value };
        return Regex.IsMatch(text, @"\b(gpus?|cuda|a100|h100|h200|a30|a40|l40s?|v100|t4)\b", I) ? new GpuRequest { Count = 1 } : null;
    }

    // The smallest slice of the named GPU model; A100 means the 40GB card unless 80GB is said.
    private static string DefaultMigProfile(string text) =>
        Regex.IsMatch(text, @"\bh200\b", I) ? "1g.18gb"
        : Regex.IsMatch(text, @"\bh100\b", I) || Regex.IsMatch(text, @"\b80\s?gb?\b", I) ? "1g.10gb"
        : Regex.IsMatch(text, @"\ba30\b", I) ? "1g.6gb"
        : "1g.5gb";

    private static IReadOnlyList<VolumeClaimMount> DetectVolumes(string text, string kind, string? image)
    {
        if (kind is "PersistentVolumeClaim" or "Service" or "ConfigMap") return [];
        var result = new List<VolumeClaimMount>();
        var patterns = new[]
        {
            @"\b(?:pvcs?|persistent\s?volume\s?claims?|volume\s?claims?)\s+(?:named|called)\s+[`""']?([a-z0-9][a-z0-9\-]*)",
            @"\b(?:my|the|our|a|an|existing)\s+(?:existing\s+)?[`""']?([a-z0-9][a-z0-9\-]*)[`""']?\s+(?:pvc|persistent\s?volume\s?claim|volume\s?claim|claim)s?\b",
            @"\b(?:pvc|claim)\s+[`""']([a-z0-9][a-z0-9\-]*)[`""']",
        };
        foreach (var pattern in patterns)
            foreach (System.Text.RegularExpressions.Match m in Regex.Matches(text, pattern, I))
            {
                var name = m.Groups[1].Value.ToLowerInvariant();
                if (name is "a" or "an" or "the" or "my" or "new" or "pvc" or "named" or "called" || result.Any(v => v.ClaimName == name)) continue;
                var after = text[(m.Index + m.Length)..];
                var mount = Regex.Match(after, @"^\s*,?\s*(?:(?:which|that)\s+is\s+)?(?:mounted\s+)?(?:at|on|to|under|in)\s+(/[\w/.\-]*)", I);
                result.Add(new VolumeClaimMount
                {
                    ClaimName = name,
                    MountPath = mount.Success ? mount.Groups[1].Value : DefaultMountPath(name),
                    ReadOnly = Regex.IsMatch(name, "dataset") && Regex.IsMatch(text, @"\bread[- ]only\b", I),
                });
            }
        var size = DetectSize(text);
        if (result.Count == 0 && size is not null && kind is "Deployment" or "Job" or "CronJob")
        {
            var mount = Match(text, @"\b(?:mounted\s+)?(?:at|on)\s+(/[\w/.\-]*)") ?? (image is null ? null : KnownImages.Find(image)?.DataPath) ?? "/data";
            result.Add(new VolumeClaimMount { ClaimName = DetectName(text, kind, image) + "-data", MountPath = mount, Size = size });
        }
        return result;
    }

    private static string DefaultMountPath(string claim) =>
        claim.Contains("data") ? "/data"
        : claim.Contains("model") ? "/models"
        : claim.Contains("checkpoint") || claim.Contains("ckpt") ? "/checkpoints"
        : claim.Contains("output") || claim.Contains("result") ? "/output"
        : claim.Contains("home") ? "/home/user"
        : claim.Contains("cache") ? "/cache"
        : "/mnt/" + claim;

    private static string? DetectSize(string text)
    {
        var m = Regex.Match(text, @"\b(\d+(?:\.\d+)?)\s*(ti|tib|tb|t|gi|gib|gb|g|mi|mib|mb)\b(?!\s*(?:of\s+)?(?:ram|memory|mig))", I);
        if (!m.Success || Regex.IsMatch(m.Value, @"^\d+g$", I) && Regex.IsMatch(text, $@"{m.Value}\.\d+gb", I)) return null;
        var unit = char.ToUpperInvariant(m.Groups[2].Value[0]) + "i";
        return m.Groups[1].Value + unit;
    }

    private static IReadOnlyList<int> DetectPorts(string text) =>
        Regex.Matches(text, @"\bports?\s+(\d{2,5})(?:\s*(?:,|and)\s*(\d{2,5}))?", I)
            .SelectMany(m => new[] { m.Groups[1], m.Groups[2] }).Where(g => g.Success)
            .Select(g => int.Parse(g.Value, CultureInfo.InvariantCulture)).Distinct().ToList();

    private static string? DetectQueue(string text)
    {
        var named = Match(text, @"\bqueue(?:-name)?\s*(?:named|called|:|=)?\s*[`""']([a-z0-9][a-z0-9\-]*)[`""']")
            ?? Match(text, @"\b(?:local\s?)?queue\s+(?:named|called)\s+([a-z0-9][a-z0-9\-]*)");
        if (named is not null) return named;
        var inQueue = Match(text, @"\b(?:in|on|to|via|through|into)\s+(?:the\s+|our\s+|my\s+)?([a-z0-9][a-z0-9\-]*)\s+(?:local\s?)?queue\b");
        if (inQueue is not null && inQueue is not "kueue" and not "gpu" and not "a") return inQueue.ToLowerInvariant();
        if (!Regex.IsMatch(text, @"\b(kueue|queue)\b", I)) return null;
        var after = Match(text, @"\bqueue\s+([a-z0-9][a-z0-9\-]*)\b");
        return after is null or "label" or "name" or "and" or "with" ? "default" : after;
    }

    private static int DetectReplicas(string text) =>
        CountBefore(text, @"\b(?:replicas?|instances?|copies|pods)\b") ?? (Match(text, @"\breplicas?\s*[:=]?\s*(\d+)") is { } r ? int.Parse(r, CultureInfo.InvariantCulture) : 1);

    private static IReadOnlyList<string> DetectCommand(string text)
    {
        var quoted = Match(text, @"\b(?:runs?|running|command|executes?|executing|that runs|with command)\s*:?\s*`([^`]+)`")
            ?? Match(text, @"\b(?:runs?|running|command|executes?|executing)\s*:?\s*""([^""]+)""");
        var bare = quoted ?? Match(text, @"\b(?:runs?|running|executes?)\s+((?:python3?|bash|sh|torchrun|accelerate|node|java|deepspeed)\s+[^,;]+?)(?=\s*(?:,|;|$|\bwith\b|\bin the\b|\bon\b|\bevery\b|\bat\b))");
        if (bare is null) return [];
        return bare.IndexOfAny(['|', '&', ';', '>', '<', '$', '*']) >= 0 ? ["/bin/sh", "-c", bare] : bare.Split(' ', StringSplitOptions.RemoveEmptyEntries);
    }

    private static string DetectName(string text, string kind, string? image)
    {
        var named = Match(text, @"\b(?:named|called)\s+[`""']?([a-z0-9][a-z0-9\-.]*[a-z0-9])");
        if (named is not null) return named.ToLowerInvariant();
        if (kind == "CronJob" && Regex.IsMatch(text, @"\bback(s|ing)?\s?up\b", I)) return "backup";
        if (kind == "Job" && Regex.IsMatch(text, @"\b(train(s|ing)?|fine-?tun\w*)\b", I)) return "train";
        if (kind == "PersistentVolumeClaim") return "data";
        if (kind == "ConfigMap") return "app-config";
        if (kind == "Service") return Match(text, @"\bfor\s+(?:the\s+|my\s+)?([a-z0-9][a-z0-9\-]*)") ?? "app";
        if (image is not null)
        {
            var shortName = ImageReference.Parse(image).ShortName;
            return shortName switch { "nginx-unprivileged" => "nginx", "vllm-openai" => "vllm", "scipy-notebook" => "notebook", "aws-cli" or "busybox" or "pytorch" => kind.ToLowerInvariant(), _ => shortName };
        }
        return kind.ToLowerInvariant();
    }

    private static Dictionary<string, string> DetectPairs(string text, bool upperOnly)
    {
        var pattern = upperOnly ? @"\b([A-Z][A-Z0-9_]*)=(""[^""]*""|'[^']*'|[^\s,;]+)" : @"\b([A-Za-z_][\w.\-]*)=(""[^""]*""|'[^']*'|[^\s,;]+)";
        var pairs = new Dictionary<string, string>();
        foreach (System.Text.RegularExpressions.Match m in Regex.Matches(text, pattern))
            pairs[m.Groups[1].Value] = m.Groups[2].Value.Trim('"', '\'');
        return pairs;
    }

    /// <summary>The count written just before a keyword ("2 GPUs", "two H100 MIG slices", "one A100 MIG slice"), looking back up to three words.</summary>
    private static int? CountBefore(string text, string keyword)
    {
        foreach (System.Text.RegularExpressions.Match m in Regex.Matches(text, keyword, I))
        {
            var before = Regex.Matches(text[..m.Index], @"[\w\-.]+").TakeLast(3).Reverse();
            foreach (var word in before.Select(w => w.Value.ToLowerInvariant()))
            {
                if (int.TryParse(word, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is > 0 and < 1000) return n;
                if (Numbers.TryGetValue(word, out var w)) return w;
            }
        }
        return null;
    }

    private static string? Quantity(string? value, string resource)
    {
        if (value is null) return null;
        var compact = value.Replace(" ", "");
        if (resource == "cpu") return compact;
        var m = Regex.Match(compact, @"^(\d+(?:\.\d+)?)([gGmM])", I);
        return m.Success ? m.Groups[1].Value + char.ToUpperInvariant(m.Groups[2].Value[0]) + "i" : null;
    }

    private static string? Match(string text, string pattern)
    {
        var m = Regex.Match(text, pattern, I);
        return m.Success ? m.Groups[1].Value : null;
    }
}
