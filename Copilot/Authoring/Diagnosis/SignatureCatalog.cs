using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Collab.Copilot.Authoring.Diagnosis;

/// <summary>
/// The known error signatures, loaded once from the embedded <c>signatures.yaml</c> —
/// kept as data so a signature is added by editing one list, not code.
/// </summary>
public static class SignatureCatalog
{
    private static readonly Lazy<IReadOnlyList<ErrorSignature>> Loaded = new(Load);

    /// <summary>All signatures, in catalog order.</summary>
    public static IReadOnlyList<ErrorSignature> All => Loaded.Value;

    /// <summary>The signature with this id, or null.</summary>
    public static ErrorSignature? Find(string id) => All.FirstOrDefault(s => s.Id == id);

    private static IReadOnlyList<ErrorSignature> Load()
    {
        using var stream = typeof(SignatureCatalog).Assembly.GetManifestResourceStream("Collab.Copilot.Authoring.Diagnosis.signatures.yaml")
            ?? throw new InvalidOperationException("signatures.yaml is not embedded in the assembly.");
        using var reader = new StreamReader(stream);
        var deserializer = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build();
        var entries = deserializer.Deserialize<List<Entry>>(reader);
        return entries.Select(e => new ErrorSignature(
            e.Id, e.Title, e.Priority, e.Patterns.Select(Compile).ToList(), e.Cause, e.Fix, e.Commands, e.Doc)
        {
            Weak = e.Weak.Select(Compile).ToList(),
            Facts = e.Facts.ToDictionary(f => f.Key, f => Compile(f.Value)),
            DistinctFacts = e.DistinctFacts,
            Requires = e.Requires.Select(Compile).ToList(),
        }).ToList();
    }

    private static Regex Compile(string pattern) =>
        new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled | RegexOptions.Multiline);

    // Mutable DTO because YamlDotNet binds through setters.
    private sealed class Entry
    {
        public string Id { get; set; } = "";
        public string Title { get; set; } = "";
        public int Priority { get; set; }
        public List<string> Patterns { get; set; } = [];
        public string Cause { get; set; } = "";
        public string Fix { get; set; } = "";
        public List<string> Commands { get; set; } = [];
        public string Doc { get; set; } = "";
        public List<string> Weak { get; set; } = [];
        public Dictionary<string, string> Facts { get; set; } = [];
        public List<string> DistinctFacts { get; set; } = [];
        public List<string> Requires { get; set; } = [];
    }
}
