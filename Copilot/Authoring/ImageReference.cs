namespace Collab.Copilot.Authoring;

/// <summary>A container image reference split into repository, tag and digest (<c>registry/repo:tag@sha256:…</c>).</summary>
internal sealed record ImageReference(string Repository, string? Tag, string? Digest)
{
    public static ImageReference Parse(string image)
    {
        var text = image.Trim();
        string? digest = null;
        var at = text.IndexOf('@');
        if (at >= 0) { digest = text[(at + 1)..]; text = text[..at]; }
        // A colon after the last slash is a tag; one before it is a registry port.
        var colon = text.LastIndexOf(':');
        var tag = colon > text.LastIndexOf('/') ? text[(colon + 1)..] : null;
        var repo = tag is null ? text : text[..colon];
        return new ImageReference(repo, string.IsNullOrEmpty(tag) ? null : tag, digest);
    }

    /// <summary>The last path segment of the repository, usable as a container or app name.</summary>
    public string ShortName
    {
        get
        {
            var last = Repository[(Repository.LastIndexOf('/') + 1)..].ToLowerInvariant();
            var clean = new string(last.Select(c => char.IsLetterOrDigit(c) ? c : '-').ToArray()).Trim('-');
            return clean.Length == 0 ? "app" : clean;
        }
    }

    /// <summary>Docker Hub's "library/" and registry prefixes removed, for looking up official images.</summary>
    public string CanonicalRepository
    {
        get
        {
            var r = Repository.ToLowerInvariant();
            foreach (var prefix in new[] { "docker.io/library/", "docker.io/", "index.docker.io/library/", "library/" })
                if (r.StartsWith(prefix, StringComparison.Ordinal)) r = r[prefix.Length..];
            return r;
        }
    }

    public bool IsPinned => Digest is not null || (Tag is not null && !Tag.Equals("latest", StringComparison.OrdinalIgnoreCase));

    public override string ToString() => Repository + (Tag is null ? "" : ":" + Tag) + (Digest is null ? "" : "@" + Digest);
}
