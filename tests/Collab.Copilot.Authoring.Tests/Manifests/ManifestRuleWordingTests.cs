using System.Reflection;
using Collab.Copilot.Authoring.Manifests;
using Collab.Copilot.Authoring.Wording;

namespace Collab.Copilot.Authoring.Tests.Manifests;

public sealed class ManifestRuleWordingTests
{
    /// <summary>A validator finding is explained by its rule's wording in answers that are not English, so every rule needs one in every language.</summary>
    [Fact]
    public void Every_manifest_rule_has_its_wording_in_every_language()
    {
        var rules = typeof(ManifestRules).GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).ToList();
        Assert.NotEmpty(rules);
        foreach (var language in Texts.Languages)
        {
            var missing = rules.Where(r => !Texts.Keys(language).Contains("rule." + r)).ToList();
            Assert.True(missing.Count == 0, $"{language} lacks: {string.Join(", ", missing)}");
        }
    }
}
