using System.Globalization;
using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>The image a request names (explicit, from a registry, or a catalogue name:tag) and the GPUs it asks for (whole GPUs or MIG slices, a model).</summary>
public static partial class SlotExtractor
{
    [GeneratedRegex(@"(?:\bimage\s*[:=]?\s*|\busing\s+|\bfrom\s+|\bslik[ae]\s+|\bobraz\s+|\bimatge\s+|\bimmagine\s+)[`""']?([a-z0-9][\w.\-]*(?:/[\w.\-]+)*(?::[\w.\-]+)?(?:@sha256:[a-f0-9]+)?)", RegexOptions.IgnoreCase)]
    private static partial Regex ExplicitImage();

    [GeneratedRegex(@"(?<![\w./-])((?:[a-z0-9\-]+\.)+[a-z]{2,}(?::\d+)?/[\w.\-/]+(?::[\w.\-]+)?|[a-z0-9\-]+/[a-z0-9][\w.\-]*:[\w.\-]+)(?![\w/])", RegexOptions.IgnoreCase)]
    private static partial Regex RegistryImage();

    [GeneratedRegex(@"\b(\d+g\.\d+gb)\b", RegexOptions.IgnoreCase)]
    private static partial Regex MigProfile();

    // The Catalan "mig" is also "half": "mig nucli de cpu", "mig tera" are not MIG slices.
    [GeneratedRegex(@"(?<![\w])mig(?![\w])(?!\s+(?:de\s+)?(?:v?cpus?|cores?|nuclis?|tera\w*|giga\w*|gigues|gb|tb)\b)", RegexOptions.IgnoreCase)]
    private static partial Regex MigWord();

    [GeneratedRegex(@"(?<![\w])(gpus?|gpu-?\w{0,3}|a100|h100|h200|a30|a40|a10|l4|l40s?|v100|t4|grafičk\w*|grafick\w*)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex GpuWord();

    [GeneratedRegex(@"\b(a100|h100|h200|a30|a40|a10|l4|l40s?|v100|t4)\b", RegexOptions.IgnoreCase)]
    private static partial Regex GpuModel();

    internal static string? Image(string text)
    {
        var explicitImage = ExplicitImage().Match(text);
        if (explicitImage.Success && LooksLikeImage(explicitImage.Groups[1].Value)) return explicitImage.Groups[1].Value.TrimEnd('.', ',');
        if (RegistryImages(text).FirstOrDefault() is { } r) return r.Groups[1].Value.TrimEnd('.', ',');
        // "python:3.12-slim", "alpine:3.20": an image of the catalogue written as name:tag, without a registry.
        return BareImage().Matches(text).Select(m => m.Groups[1].Value.TrimEnd('.', ','))
            .FirstOrDefault(i => KnownImages.Find(i[..i.LastIndexOf(':')]) is not null);
    }

    // "nvidia.com/gpu:NoSchedule" is a taint written as key:Effect, shaped like an image from a registry but not one.
    private static IEnumerable<Match> RegistryImages(string text) =>
        RegistryImage().Matches(text).Where(m => !Regex.IsMatch(m.Groups[1].Value, @":(?:NoSchedule|PreferNoSchedule|NoExecute)$", RegexOptions.IgnoreCase));

    private static bool LooksLikeImage(string value) => value.Contains('/') || value.Contains(':') || KnownImages.Find(value) is not null;

    private static GpuSlot? Gpu(string text)
    {
        var profile = MigProfile().Match(text) is { Success: true } p ? p.Groups[1].Value.ToLowerInvariant() : null;
        var migWord = MigWord().Match(text);
        var negated = migWord.Success && Vocabulary.Negation.IsMatch(Before(text, migWord.Index, 24));
        var whole = GpuWord().Matches(text).Any(g => Vocabulary.WholeGpu.IsMatch(Before(text, g.Index, 24)) || Vocabulary.WholeGpu.IsMatch(FirstWords(text[(g.Index + g.Length)..], 1)));
        var mig = (profile is not null || migWord.Success) && !negated;
        var model = GpuModel().Match(text) is { Success: true } mm ? mm.Groups[1].Value.ToLowerInvariant() : null;
        if (mig)
        {
            var count = Counting.Before(text, new Regex(@"(?<![\w])(?:mig|\d+g\.\d+gb|slices?)(?![\w])", I), SkippedBeforeCount) ?? 1;
            return new GpuSlot(count, profile, true, whole, model);
        }
        if (!GpuWord().IsMatch(text) && !Regex.IsMatch(text, @"\bcuda\b", I)) return null;
        // "| GPUs | 4 |", "- gpu: 2": a field labelled GPU and its count.
        var gpus = Counting.Before(text, GpuWord(), SkippedBeforeCount)
            ?? (Regex.Match(text, "(?:" + GpuWord() + @")\s*[:=]\s*(?<n>\d{1,2})(?![\w.])", I) is { Success: true } field ? int.Parse(field.Groups["n"].Value, CultureInfo.InvariantCulture) : 1);
        return new GpuSlot(gpus, null, false, whole || negated, model);
    }

    // Words between a count and its GPU noun: "two H100 MIG slices", "one full GPU", "jednom cijelom GPU-u".
    private static readonly Regex SkippedBeforeCount = new("^(?:" + Vocabulary.WholeGpu.ToString() + "|" + GpuModel().ToString() + @"|mig|nvidia|\d+g|\d+gb)$", I);

    private static bool InsideMigProfile(string text, int index) =>
        MigProfile().Matches(text).Any(m => index >= m.Index && index < m.Index + m.Length);

    private static bool GpuModelBefore(string text, int index) => GpuModel().IsMatch(Before(text, index, 6));
}
