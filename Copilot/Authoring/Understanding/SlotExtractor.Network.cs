using System.Globalization;
using System.Text.RegularExpressions;

namespace Collab.Copilot.Authoring.Understanding;

/// <summary>Ports, the Service type and its nodePort, a public address (an Ingress host) and the Service an Ingress routes to.</summary>
public static partial class SlotExtractor
{
    [GeneratedRegex(@"(?<![\w.\-/])((?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+(?:org|com|net|io|dev|eu|hr|cz|es|it|de|cat|local|internal|lab|ai|app|cloud|edu))(?![\w.\-/:])", RegexOptions.IgnoreCase)]
    private static partial Regex HostName();

    /// <summary>A Service drafted alone selects the pods by the labels stated with it; the port fields written as key=value are not labels.</summary>
    private static IReadOnlyDictionary<string, string> ServiceSelector(string text)
    {
        var result = new Dictionary<string, string>();
        foreach (Match m in LabelPair().Matches(text))
            if (!Regex.IsMatch(m.Groups[1].Value, @"^(?:\w*port|type|protocol|name|namespace|ns)$", RegexOptions.IgnoreCase)) result.TryAdd(m.Groups[1].Value, m.Groups[2].Value);
        return result;
    }

    [GeneratedRegex(@"(?<![\w])node\s*-?\s*port\w*\s*[:=]?\s*(\d{4,5})\b", RegexOptions.IgnoreCase)]
    private static partial Regex NodePortNumber();

    [GeneratedRegex(@"(?<![\w.:/])3[0-2]\d{3}(?![\w.:/])")]
    private static partial Regex NodePortRangeNumber();

    // "port 8080", "port: 8080", "port to 9090"; "port should be 9090", "port je 9090", "Port soll 9090": a copula may stand between.
    [GeneratedRegex(@"(?<![\w])(?:port\w*|listen\w*\s+on|lauscht\s+auf|escolta\s+al|ascolta\s+sulla|expos\w*|izlož\w*|izlaž\w*|vystav\w*|espon\w*|(?:https?|grpc|tcp)\s+(?:on|na|al|sulla|auf))\s*[:=]?\s*(?:(?:(?:should|must|will|needs?\s+to|has\s+to)\s+be|is|je|treba\s+biti|mora\s+biti|má\s+být|musí\s+být|ha\s+de\s+ser|és|deve\s+essere|è|soll|muss|ist)\s+)?(?:(?:to|at|na|auf|a|al|su|sulla)\s+)?(\d{2,5})\b", RegexOptions.IgnoreCase)]
    private static partial Regex PortNumber();

    // "behind a LoadBalancer on 443", "Service on 8080": a port written without the word "port".
    [GeneratedRegex(@"(?:load\s?balancer|service|servis\w*|služb\w*|servei|servizio|dienst)\s+(?:on|na|al|sulla|auf)\s+(\d{2,5})\b", RegexOptions.IgnoreCase)]
    private static partial Regex ServiceOnNumber();

    [GeneratedRegex(@"(?<![\w])(load\s?balancer)(?![\w])", RegexOptions.IgnoreCase)]
    private static partial Regex LoadBalancer();

    [GeneratedRegex(@"(?<![\w])node\s*-?\s*port", RegexOptions.IgnoreCase)]
    private static partial Regex NodePortWord();

    /// <summary>
    /// The first http(s) address in the words that is not a setting's value ("API_URL=http://…"): its host when it is a public name
    /// (dotted, not a cluster-internal, .local or .internal one, not an IP), and its port ("http://localhost:8080": the app's port).
    /// </summary>
    private static (string? Host, int? Port)? PublicUrl(string text)
    {
        if (Url().Match(text) is not { Success: true } m) return null;
        var host = m.Groups[1].Value.ToLowerInvariant();
        int? port = m.Groups[2].Success ? int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) : null;
        var isPublic = host.Contains('.') && !Regex.IsMatch(host, @"^[\d.]+$|\.(?:svc|cluster\.local|local|internal|localhost)$");
        return (isPublic ? host : null, port);
    }

    [GeneratedRegex(@"(?<![=\w""':])https?://([a-z0-9](?:[a-z0-9\-.]*[a-z0-9])?)(?::(\d{2,5}))?(?![\w.\-])", RegexOptions.IgnoreCase)]
    private static partial Regex Url();

    private static (IReadOnlyList<int> Container, int? Service) Ports(string text, Match nodePort)
    {
        var container = new List<int>();
        int? service = null;
        foreach (Match m in PortNumber().Matches(text))
        {
            if (nodePort.Success && m.Index >= nodePort.Index && m.Index < nodePort.Index + nodePort.Length) continue;
            if (NodePortWord().IsMatch(Before(text, m.Index, 6))) continue;
            var port = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
            // The nearest kind word before the port tells whose port it is.
            var nearest = Vocabulary.Kinds.SelectMany(k => k.Value.Matches(text[..m.Index]).Select(x => (k.Key, x.Index, x.Value)))
                .Where(x => !Regex.IsMatch(x.Value, @"^node\s*-?\s*port", I))
                .OrderByDescending(x => x.Index).FirstOrDefault();
            var workloadSince = nearest.Value is not null && (KnownImages.Mentioned(text[nearest.Index..m.Index]) is not null || Vocabulary.ReplicaNoun.IsMatch(text[nearest.Index..m.Index])
                || RegistryImage().IsMatch(text[nearest.Index..m.Index]));
            if (nearest.Value is not null && nearest.Key is ResourceKind.Service or ResourceKind.Ingress && !workloadSince && service is null)
            {
                service = port;
                // "port 443 cap al 8443 del contenidor", "port 80 → 8080", "Port 80 auf 8080": the Service forwards to the container's port.
                if (ForwardedTo().Match(text[(m.Index + m.Length)..]) is { Success: true } target && int.Parse(target.Groups[1].Value, CultureInfo.InvariantCulture) is var to && !container.Contains(to))
                    container.Add(to);
            }
            else if (!container.Contains(port)) container.Add(port);
            // "ports 8000 http 8001 grpc 8002 metrics", "porty 2379 a 2380": the numbers that follow on the line are the app's ports too.
            foreach (var more in PortsListedAfter(text, m.Index + m.Length))
                if (!container.Contains(more) && more != service) container.Add(more);
        }
        if (service is null && ServiceOnNumber().Match(text) is { Success: true } on) service = int.Parse(on.Groups[1].Value, CultureInfo.InvariantCulture);
        return (container, service);
    }

    [GeneratedRegex(@"^\s*(?:->|→|=>|to|onto|na|cap\s+al|cap\s+a|al|auf|zu|su|sul|verso|target\s*-?\s*port\s*[:=]?)\s*(?:the\s+|el\s+|il\s+|den\s+)?(?:port[oa]?\s+)?(\d{2,5})(?![\w.])", RegexOptions.IgnoreCase)]
    private static partial Regex ForwardedTo();

    private static IEnumerable<int> PortsListedAfter(string text, int at)
    {
        while (Regex.Match(text[at..], @"^[ \t]*(?:[,/&]|and|a|i|e|y|und|(?!node|on\b|to\b|na\b|auf\b|su\b|al\b|za\b|for\b|target)[a-z]{2,8})?[ \t]*(?:[,/&]|and|a|i|e|y|und)?[ \t]*(\d{2,5})(?![\w.%])(?![ \t]*(?:[gmtk]i?b?\b|giga|tera|mega|v?cpu|core|jezgr|jad|jád|nucl|kern|gpu|repl|rèpl|nod|node|pod|min|sec|s\b|x\b))", I) is { Success: true } next
               && int.Parse(next.Groups[1].Value, CultureInfo.InvariantCulture) is var port and >= 20 and <= 65535)
        {
            yield return port;
            at += next.Length;
        }
    }

    private static string? Backend(string text)
    {
        var service = Vocabulary.Kinds[ResourceKind.Service];
        foreach (Match m in service.Matches(text))
        {
            var after = Regex.Match(text[(m.Index + m.Length)..], @"^\s*[`""']?([a-z][a-z0-9\-]*)", I);
            if (after.Success && !Stop.Contains(after.Groups[1].Value) && !Vocabulary.PortNoun.IsMatch(after.Groups[1].Value)) return after.Groups[1].Value.ToLowerInvariant();
        }
        return null;
    }
}
