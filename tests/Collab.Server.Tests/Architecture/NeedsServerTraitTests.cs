using System.Reflection;
using Collab.Server.Tests.Support;

namespace Collab.Server.Tests.Architecture;

/// <summary>
/// A test class carries <c>[Trait("Needs", "Server")]</c> exactly when it starts a server (an
/// <see cref="InProcessServer"/>, a <see cref="ServerProcess"/> or the server's binary through
/// <see cref="ServerCommand"/>, itself or through a fixture or helper of this assembly), so the seconds path (<c>Needs!=Server</c>, docs/testing.md) leaves out
/// every server start and keeps every class that starts none. Read from the compiled tests, like
/// <see cref="LayeringTests"/>.
/// </summary>
public sealed class NeedsServerTraitTests
{
    private static readonly Assembly Tests = typeof(NeedsServerTraitTests).Assembly;
    // Names, not typeof: a typeof here would make this class one that names a starter.
    private static readonly string[] Starters = [nameof(InProcessServer), nameof(ServerProcess), nameof(ServerCommand)];

    [Fact]
    public void Classes_that_start_a_server_and_only_they_say_so()
    {
        var classes = Tests.GetTypes().Where(IsTestClass).ToList();
        var untagged = classes.Where(c => StartsServer(c) && !NeedsServer(c)).Select(c => c.FullName).Order().ToList();
        var stale = classes.Where(c => !StartsServer(c) && NeedsServer(c)).Select(c => c.FullName).Order().ToList();
        Assert.True(untagged.Count == 0, $"Start a server but lack [Trait(\"Needs\", \"Server\")]: {string.Join(", ", untagged)}");
        Assert.True(stale.Count == 0, $"Carry [Trait(\"Needs\", \"Server\")] but start no server: {string.Join(", ", stale)}");
        Assert.Contains(typeof(LayeringTests), classes.Where(c => !StartsServer(c)));
    }

    private static bool IsTestClass(Type type) =>
        type is { IsClass: true, IsAbstract: false } && type.GetMethods().Any(m => m.IsDefined(typeof(FactAttribute)));

    /// <summary>Whether the class itself carries the trait (on each concrete class, as for the other needs).</summary>
    private static bool NeedsServer(Type type) =>
        type.GetCustomAttributesData().Any(a => a.AttributeType == typeof(TraitAttribute)
            && a.ConstructorArguments is [{ Value: "Needs" }, { Value: "Server" }]);

    /// <summary>Whether the type, its base types, nested types (lambdas, async bodies) or this assembly's types it uses name a starter.</summary>
    private static bool StartsServer(Type type)
    {
        var seen = new HashSet<Type>();
        var pending = new Stack<Type>([type]);
        while (pending.TryPop(out var next))
        {
            if (next.Assembly != Tests) continue;
            if (next.Namespace == typeof(ITestServer).Namespace && Starters.Contains(next.Name)) return true;
            if (!seen.Add(next)) continue;
            foreach (var used in NamespaceDependencies.UsedBy(next)) pending.Push(used);
            foreach (var nested in next.GetNestedTypes(BindingFlags.Public | BindingFlags.NonPublic)) pending.Push(nested);
        }
        return false;
    }
}
