using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Collab.Server.Tests.Support;

/// <summary>The structural rules of the nbformat 4.5 JSON schema that an export must meet.</summary>
public static class NbformatCheck
{
    public static void AssertValid(JsonObject nb)
    {
        Assert.Equal(4, (long)nb["nbformat"]!);
        Assert.True((long)nb["nbformat_minor"]! >= 5);
        Assert.IsType<JsonObject>(nb["metadata"]);
        var ids = new HashSet<string>();
        foreach (var cell in nb["cells"]!.AsArray().Select(c => c!.AsObject()))
        {
            var id = (string)cell["id"]!;
            Assert.Matches(new Regex("^[a-zA-Z0-9-_]{1,64}$"), id);
            Assert.True(ids.Add(id), $"duplicate cell id {id}");
            Assert.IsType<JsonObject>(cell["metadata"]);
            Assert.NotNull((string?)cell["source"]);
            var type = (string)cell["cell_type"]!;
            Assert.Contains(type, new[] { "code", "markdown", "raw" });
            if (type == "code")
            {
                Assert.IsType<JsonArray>(cell["outputs"]);
                Assert.True(cell.ContainsKey("execution_count"));
                foreach (var output in cell["outputs"]!.AsArray()) Assert.NotNull((string?)output!["output_type"]);
            }
            var allowed = type == "code"
                ? new[] { "id", "cell_type", "metadata", "source", "outputs", "execution_count" }
                : new[] { "id", "cell_type", "metadata", "source", "attachments" };
            Assert.All(cell.Select(p => p.Key), key => Assert.Contains(key, allowed));
        }
    }
}
