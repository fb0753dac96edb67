using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Redaction;

/// <summary>
/// The values of a Kubernetes Secret (<c>kubectl get secret -o yaml|json</c>, manifests), whatever
/// their keys are called: every <c>stringData</c> value, and every <c>data</c> value that is base64
/// of text (a ConfigMap's plain <c>data</c> values are not base64 and stay). <c>kubectl</c> prints
/// <c>data</c> before <c>kind</c>, so the rule cannot wait to see <c>kind: Secret</c>.
/// </summary>
internal static class KubernetesSecretData
{
    private const RegexOptions Options = RegexOptions.Compiled | RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture;
    private static readonly TimeSpan Backstop = TimeSpan.FromSeconds(2);

    private static readonly Regex YamlBlock = new(@"^(?<indent>[ \t]*)(?<block>data|stringData):[ \t]*\r?$", Options | RegexOptions.Multiline, Backstop);
    private static readonly Regex YamlEntry = new(@"\G(?<indent>[ \t]+)[""']?[A-Za-z0-9_.-]+[""']?:[ \t]*(?<value>[^\s#][^\r\n]*?)[ \t]*\r?(?:\n|\z)", Options, Backstop);
    private static readonly Regex JsonBlock = new(@"""(?<block>data|stringData)""[ \t]*:[ \t]*\{(?<body>[^{}]*)(?:\}|\z)", Options, Backstop);
    private static readonly Regex JsonEntry = new(@"""[A-Za-z0-9_.-]+""\s*:\s*""(?<value>[^""]+)""", Options, Backstop);

    public static void Find(string text, List<SecretSpan> into)
    {
        foreach (Match block in YamlBlock.Matches(text))
        {
            var plain = block.Groups["block"].Value == "stringData";
            var indent = block.Groups["indent"].Length;
            var at = block.Index + block.Length + 1;
            // Entries are the lines indented deeper than the block's name.
            for (var entry = YamlEntry.Match(text, Math.Min(at, text.Length)); entry.Success && entry.Groups["indent"].Length > indent; entry = YamlEntry.Match(text, at))
            {
                Add(entry.Groups["value"], plain, into);
                at = entry.Index + entry.Length;
                if (at >= text.Length) break;
            }
        }
        foreach (Match block in JsonBlock.Matches(text))
        {
            var plain = block.Groups["block"].Value == "stringData";
            var body = block.Groups["body"];
            foreach (Match entry in JsonEntry.Matches(body.Value))
            {
                var value = entry.Groups["value"];
                if (IsSecret(value.Value, plain))
                    into.Add(new SecretSpan(body.Index + value.Index, body.Index + value.Index + value.Length, "k8s-secret-data", SecretSpan.ManifestRank));
            }
        }
    }

    private static void Add(Group value, bool plain, List<SecretSpan> into)
    {
        var text = value.Value.Trim('"', '\'');
        if (!IsSecret(text, plain)) return;
        var quoted = value.Length - text.Length;
        into.Add(new SecretSpan(value.Index + quoted / 2, value.Index + value.Length - (quoted - quoted / 2), "k8s-secret-data", SecretSpan.ManifestRank));
    }

    private static bool IsSecret(string value, bool plain) =>
        !SecretValue.IsStandIn(value, quoted: true) && (plain || (value.Length >= 8 && Base64Text.IsPrintable(value)));
}
