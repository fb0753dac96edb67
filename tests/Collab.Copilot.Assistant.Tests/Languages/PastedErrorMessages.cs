using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Collab.Copilot.Assistant.Tests.Languages;

/// <summary>The pasted-error cases of the diagnoser's tests, as the messages people send: question and paste, per language.</summary>
public static class PastedErrorMessages
{
    public sealed record Message(string Name, string Language, string? Expect, string Paste, string Text)
    {
        public string Class { get; init; } = "";

        /// <summary>Strings of the paste that must never leave redacted form.</summary>
        public IReadOnlyList<string> Secrets { get; init; } = [];

        /// <summary>Text of the line that shows the cause, which the answer must quote (set E on), or null.</summary>
        public string? Evidence { get; init; }
    }

    public static IReadOnlyList<Message> Load(string file)
    {
        var reader = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).IgnoreUnmatchedProperties().Build();
        var cases = reader.Deserialize<List<Case>>(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Cases", file)));
        return cases.SelectMany(c => c.Ask.Select((ask, i) =>
            new Message(c.Name, ask.Key, c.Expect, c.Paste, i % 2 == 0 ? $"{ask.Value}\n\n{c.Paste}" : $"{c.Paste}\n{ask.Value}") { Class = c.Class, Secrets = c.Secrets, Evidence = c.Evidence })).ToList();
    }

    // Mutable DTO because YamlDotNet binds through setters.
    private sealed class Case
    {
        public string Name { get; set; } = "";
        public string? Expect { get; set; }
        public string Paste { get; set; } = "";
        public Dictionary<string, string> Ask { get; set; } = [];
        public string Class { get; set; } = "";
        public List<string> Secrets { get; set; } = [];
        public string? Evidence { get; set; }
    }
}
