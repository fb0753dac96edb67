using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Collab.Copilot.Authoring.Diagnosis;

/// <summary>
/// Titles, causes and fixes of signatures in the platforms' other languages (ISO 639-1 codes hr, cs,
/// ca, it, de), loaded once from the embedded <c>Translations/&lt;code&gt;.yaml</c>. A signature without
/// a translation has none here; the caller then says that its explanation exists in English only.
/// </summary>
public static class SignatureTranslations
{
    /// <summary>Languages with a translation file.</summary>
    public static readonly IReadOnlyList<string> Languages = ["hr", "cs", "ca", "it", "de"];

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyDictionary<string, SignatureText>>> Loaded = new(Load);

    /// <summary>The signature's text in <paramref name="language"/>: English from the catalogue for <c>en</c>, else the translation or null.</summary>
    public static SignatureText? Find(ErrorSignature signature, string language)
    {
        if (language == "en") return new SignatureText(signature.Title, signature.Cause, signature.Fix);
        return Loaded.Value.TryGetValue(language, out var texts) && texts.TryGetValue(signature.Id, out var text) ? text : null;
    }

    /// <summary>Ids translated into <paramref name="language"/>.</summary>
    public static IReadOnlyCollection<string> TranslatedIds(string language) =>
        Loaded.Value.TryGetValue(language, out var texts) ? texts.Keys.ToList() : [];

    private static IReadOnlyDictionary<string, IReadOnlyDictionary<string, SignatureText>> Load()
    {
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var assembly = typeof(SignatureTranslations).Assembly;
        var all = new Dictionary<string, IReadOnlyDictionary<string, SignatureText>>(StringComparer.Ordinal);
        foreach (var language in Languages)
        {
            using var stream = assembly.GetManifestResourceStream($"Collab.Copilot.Authoring.Diagnosis.Translations.{language}.yaml")
                ?? throw new InvalidOperationException($"Translations/{language}.yaml is not embedded in the assembly.");
            using var reader = new StreamReader(stream);
            all[language] = deserializer.Deserialize<List<Entry>>(reader)
                .ToDictionary(e => e.Id, e => new SignatureText(e.Title, e.Cause, e.Fix), StringComparer.Ordinal);
        }
        return all;
    }

    // Mutable DTO because YamlDotNet binds through setters.
    private sealed class Entry
    {
        public string Id { get; set; } = "";
        public string Title { get; set; } = "";
        public string Cause { get; set; } = "";
        public string Fix { get; set; } = "";
    }
}
