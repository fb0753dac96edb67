using System.Globalization;
using YamlDotNet.Serialization;

namespace Collab.Copilot.Authoring.Wording;

/// <summary>
/// The fixed wording of model-free answers in the six languages, kept as data: one YAML file per
/// language (<c>Wording/Texts/&lt;code&gt;.yaml</c>) with the same keys, so a language is added or
/// corrected without touching code. A key missing in a language falls back to English.
/// </summary>
public static class Texts
{
    /// <summary>The languages there is a file for, English first.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["en", "hr", "cs", "ca", "it", "de"];

    private static readonly Dictionary<string, IReadOnlyDictionary<string, string>> ByLanguage =
        Languages.ToDictionary(code => code, Load);

    /// <summary>The text of <paramref name="key"/> in <paramref name="language"/> with <paramref name="args"/> in its {0}, {1}… places.</summary>
    public static string Say(string language, string key, params object?[] args)
    {
        var template = Find(language, key) ?? throw new KeyNotFoundException($"No wording '{key}'.");
        return args.Length == 0 ? template : string.Format(CultureInfo.InvariantCulture, template, args);
    }

    /// <summary>The template of <paramref name="key"/> in <paramref name="language"/> (English when that language lacks it); null when no file has it.</summary>
    public static string? Find(string language, string key) =>
        ByLanguage.GetValueOrDefault(language)?.GetValueOrDefault(key) ?? ByLanguage["en"].GetValueOrDefault(key);

    /// <summary>The keys of a language's file (for tests that every file has every key).</summary>
    public static IReadOnlyCollection<string> Keys(string language) => ByLanguage[language].Keys.ToList();

    private static IReadOnlyDictionary<string, string> Load(string language)
    {
        using var stream = typeof(Texts).Assembly.GetManifestResourceStream($"Collab.Copilot.Authoring.Wording.Texts.{language}.yaml")
                           ?? throw new InvalidOperationException($"Wording for '{language}' is not embedded.");
        using var reader = new StreamReader(stream);
        return new DeserializerBuilder().Build().Deserialize<Dictionary<string, string>>(reader) ?? [];
    }
}
