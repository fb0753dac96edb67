using System.Globalization;
using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

// Values written the way Docker writes them (ports, volumes, mounts, GPU counts, sizes), shared by run, compose and charts.
public sealed partial record ContainerRun
{
    /// <summary>"8000:8000", "127.0.0.1:3000:8080", "6333", "9000:9000/tcp": host and container port.</summary>
    private static (int Host, int Container)? Port(string value)
    {
        var parts = value.Split('/')[0].Split(':');
        if (!int.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var container)) return null;
        return parts.Length >= 2 && int.TryParse(parts[^2], NumberStyles.None, CultureInfo.InvariantCulture, out var host) ? (host, container) : (container, container);
    }

    /// <summary>"hf-cache:/root/.cache", "./data:/data:ro", "/mnt/data:/data": a named volume or a host path, and where it is mounted.</summary>
    private static RunVolume? Volume(string value)
    {
        var parts = value.Split(':');
        if (parts.Length < 2 || !parts[1].StartsWith('/')) return null;
        var source = parts[0];
        return new RunVolume(source, parts[1], source.StartsWith('/') || source.StartsWith('.') || source.StartsWith('~') || source.StartsWith('$'));
    }

    /// <summary>"--mount type=volume,source=models,target=/models".</summary>
    private static RunVolume? MountFlag(string value)
    {
        var fields = value.Split(',').Select(f => f.Split('=', 2)).Where(f => f.Length == 2).ToDictionary(f => f[0], f => f[1]);
        var source = fields.GetValueOrDefault("source") ?? fields.GetValueOrDefault("src");
        var target = fields.GetValueOrDefault("target") ?? fields.GetValueOrDefault("destination") ?? fields.GetValueOrDefault("dst");
        return source is null || target is null ? null : new RunVolume(source, target, fields.GetValueOrDefault("type") == "bind");
    }

    /// <summary>"2", "all", "\"device=0,1\"", "count=2": how many GPUs, and whether it was "all".</summary>
    private static (int? Count, bool All) GpuCount(string value)
    {
        var v = value.Trim('"', '\'');
        if (v.Equals("all", StringComparison.OrdinalIgnoreCase) || v.EndsWith("=all", StringComparison.OrdinalIgnoreCase)) return (1, true);
        if (Regex.Match(v, @"device=([\d,]+)") is { Success: true } d) return (d.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries).Length, false);
        if (Regex.Match(v, @"(?:count=)?(\d+)") is { Success: true } n) return (int.Parse(n.Groups[1].Value, CultureInfo.InvariantCulture), false);
        return (1, false);
    }

    /// <summary>Docker's sizes ("16g", "512m", "2gb", "1.5g", "64000000") as Kubernetes binary quantities.</summary>
    internal static string? Size(string value)
    {
        var m = Regex.Match(value.Trim('"', '\''), @"^(\d+(?:\.\d+)?)\s*([kmgt]?)i?b?$", I);
        if (!m.Success) return null;
        var number = m.Groups[1].Value;
        return m.Groups[2].Value.ToLowerInvariant() switch
        {
            "k" => number + "Ki",
            "m" => number + "Mi",
            "g" => number.Contains('.') ? ((long)Math.Round(double.Parse(number, CultureInfo.InvariantCulture) * 1024)).ToString(CultureInfo.InvariantCulture) + "Mi" : number + "Gi",
            "t" => number + "Ti",
            _ => number,
        };
    }
}
