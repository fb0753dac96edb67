using System.Reflection;
using System.Text.RegularExpressions;
using Collab.Server.Hubs;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Hubs;

/// <summary>
/// The clients take the hub's method and event names from one TypeScript module
/// (clients/packages/signalr-provider/src/hub-names.ts); it must name exactly what the hub has.
/// </summary>
public sealed partial class HubNamesTests
{
    private static readonly string Module = Path.Combine(RepoPaths.Root, "clients", "packages", "signalr-provider", "src", "hub-names.ts");

    [Fact]
    public void The_clients_method_names_are_the_hubs_public_methods()
    {
        var hubMethods = typeof(CollabHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.GetBaseDefinition().DeclaringType == typeof(CollabHub))
            .Select(m => m.Name);
        Assert.Equal(hubMethods.Order(), Names("HubMethods").Order());
    }

    [Fact]
    public void The_clients_event_names_are_the_events_the_hub_sends()
    {
        var events = new[] { typeof(CollabHub), typeof(ChatHubEvents) }
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!);
        Assert.Equal(events.Order(), Names("HubEvents").Order());
    }

    /// <summary>The values of one <c>export const Name = { Key: 'value', … } as const</c>, each key equal to its value.</summary>
    private static IEnumerable<string> Names(string constant)
    {
        var block = Regex.Match(File.ReadAllText(Module), $@"export const {constant} = \{{(?<body>[^}}]*)\}} as const");
        Assert.True(block.Success, $"{constant} not found in {Module}");
        var entries = Entry().Matches(block.Groups["body"].Value).ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal(e.Groups["key"].Value, e.Groups["value"].Value));
        return entries.Select(e => e.Groups["value"].Value);
    }

    [GeneratedRegex(@"(?<key>\w+)\s*:\s*'(?<value>[^']*)'")]
    private static partial Regex Entry();
}
