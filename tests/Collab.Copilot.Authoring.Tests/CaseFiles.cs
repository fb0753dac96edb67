using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Collab.Copilot.Authoring.Tests;

/// <summary>Loads the data-driven cases under Cases/ (copied next to the test assembly).</summary>
internal static class CaseFiles
{
    private static readonly IDeserializer Reader = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    public static bool Exists(string file) => File.Exists(Path.Combine(AppContext.BaseDirectory, "Cases", file));

    public static List<T> Load<T>(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Cases", file);
        return Reader.Deserialize<List<T>>(File.ReadAllText(path));
    }
}
